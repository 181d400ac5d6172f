package org.hn.bench;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.round.RoundPlan;
import org.hn.registry.round.RoundPlanner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Planning a round over the 1,000-hypernode registry of {@link ChurnLedger} ({@code spec/rounds.md §7.2}):
 * the round's colored lists read from the ledger (none here, so the rainbow defaults apply), its reference block
 * looked up, its registry taken from the cache (already folded, as for every round after a node's first), then
 * the juror tickets and the test slots drawn over the 1,000 entries.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RoundPlanBenchmark {

    /** A fixed stand-in for the hash of the last block before the round (20 bytes). */
    private static final byte[] REFERENCE_HASH = {
        0x2d, 0x53, 0x43, (byte) 0xe9, 0x11, 0x7a, (byte) 0x90, 0x04, 0x5c, (byte) 0xb2,
        0x63, 0x0f, (byte) 0xd8, 0x21, 0x4e, 0x77, (byte) 0xa1, 0x3b, 0x08, (byte) 0xc6};

    private RoundPlanner planner;

    @Setup
    public void setUp(ChurnLedger ledger) throws PowLedgerUnavailableException {
        RegistrationCache cache = new RegistrationCache(ledger.fold(), 1);
        cache.registryAt(ledger.referenceHeight());
        planner = new RoundPlanner(ledger.network(), cache);
        RoundPlan plan = plan();
        if (plan.hypernodes().size() != ChurnLedger.HYPERNODES) {
            throw new IllegalStateException("planned " + plan.hypernodes().size() + " hypernodes");
        }
    }

    @Benchmark
    public RoundPlan plan() throws PowLedgerUnavailableException {
        return planner.plan(ChurnLedger.ROUND, REFERENCE_HASH, Set.of());
    }
}
