package org.hn.node.daemon;

import java.util.Optional;
import org.hn.node.round.PowFreshness;
import org.hn.pow.ledger.BlockStamp;
import org.hn.pow.ledger.PowLedger;
import org.hn.pow.ledger.PowLedgerUnavailableException;

/** The PoW freshness of a ledger: the coinbase time of its highest block ({@code spec/pow.md §6.4}, careful variant). */
public final class LedgerFreshness implements PowFreshness {

    private final PowLedger ledger;

    /** @param ledger the PoW ledger whose tip is dated */
    public LedgerFreshness(PowLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Optional<String> lateness(long nowSeconds) {
        try {
            BlockStamp tip = ledger.tip();
            long age = nowSeconds - tip.timestamp().longValue();
            return age < MAX_AGE_SECONDS ? Optional.empty()
                    : Optional.of("the last PoW block, " + tip.height() + ", is " + age + " s old");
        } catch (PowLedgerUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }
}
