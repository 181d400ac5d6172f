package org.hn.node.round;

import java.util.Set;
import org.hn.chain.block.PosBlock;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.registry.round.ActivityFilter;
import org.hn.registry.round.RoundPlan;
import org.hn.registry.round.RoundPlanner;
import org.hn.registry.schedule.ConnectTo;

/**
 * The round start procedure's computation ({@code spec/rounds.md §7.2} steps 5–16, with the fixes of §11
 * items 1 and 2): the reference hash is the last local block before the round, the inactive set comes from
 * the registry of the previous round and the local chain's activity in it.
 */
public final class RoundPreparer {

    private final RoundPlanner planner;
    private final ChainStore store;
    private final String me;

    /**
     * @param me our PoS address
     */
    public RoundPreparer(RoundPlanner planner, ChainStore store, String me) {
        this.planner = planner;
        this.store = store;
        this.me = me;
    }

    /**
     * Computes a round's context.
     *
     * @param maxConnectToCap the operator's {@code MAX_CONNECT_TO}; the round's rainbow value applies when lower
     * @param nowSeconds    the local clock, unix seconds: when the round start was processed
     * @throws PowLedgerUnavailableException when the PoW ledger is late or unreadable: the node waits
     * @throws StoreException                when the local chain cannot be read
     */
    public RoundContext prepare(long round, int maxConnectToCap, long nowSeconds)
            throws PowLedgerUnavailableException, StoreException {
        PosBlock reference = store.lastBlockBefore(round).orElse(store.tip());
        Set<String> inactive = ActivityFilter.inactive(planner.registryOfRound(round - 1),
                store.activeHypernodes(round - 1, round - 1));
        RoundPlan plan = planner.plan(round, reference.blockHash(), inactive);
        int maxConnectTo = Math.min(maxConnectToCap, plan.rainbow().maxConnectTo());
        return new RoundContext(plan, ConnectTo.select(plan.hypernodes(), round, me, maxConnectTo), me, nowSeconds);
    }
}
