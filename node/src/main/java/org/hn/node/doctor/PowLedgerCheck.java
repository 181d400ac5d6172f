package org.hn.node.doctor;

import java.time.Clock;
import java.util.Optional;
import org.hn.node.round.PowFreshness;
import org.hn.pow.ledger.BlockStamp;
import org.hn.pow.ledger.PowLedger;
import org.hn.pow.ledger.PowLedgerUnavailableException;

/**
 * {@code pow-ledger}: whether the PoW ledger can be read and its last block is younger than
 * {@link PowFreshness#MAX_AGE_SECONDS} ({@code spec/pow.md §6.4}); a node whose ledger is late or unreadable
 * waits in {@code POW_NOT_SYNC} and does not forge, so either is a failure.
 */
public final class PowLedgerCheck implements Check {

    private final PowLedger ledger;
    private final PowFreshness freshness;
    private final String location;
    private final Clock clock;

    /**
     * @param ledger    the ledger the node reads
     * @param freshness the node's own freshness rule over that ledger
     * @param location  where the ledger is, for the report (e.g. the {@code POW_LEDGER_DB} path)
     * @param clock     now
     */
    public PowLedgerCheck(PowLedger ledger, PowFreshness freshness, String location, Clock clock) {
        this.ledger = ledger;
        this.freshness = freshness;
        this.location = location;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "pow-ledger";
    }

    @Override
    public Finding run() {
        long now = clock.millis() / 1000;
        String fix = "run the Bismuth PoW node and let it sync; POW_LEDGER_DB in hn.conf must name its"
                + " static/ledger.db (now " + location + ")";
        Optional<String> lateness = freshness.lateness(now);
        if (lateness.isPresent()) {
            return Finding.fail(name(), lateness.get(), fix);
        }
        try {
            BlockStamp tip = ledger.tip();
            return Finding.ok(name(), "the last PoW block, " + tip.height() + ", is "
                    + (now - tip.timestamp().longValue()) + " s old");
        } catch (PowLedgerUnavailableException e) {
            return Finding.fail(name(), e.getMessage(), fix);
        }
    }
}
