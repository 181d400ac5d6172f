package org.hn.bench;

import java.util.concurrent.TimeUnit;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The registry of the next round from the cached one ({@code spec/pow.md §5.2} incremental mode), as a running
 * node does every round: the cache holds the registry of {@link ChurnLedger#ROUND}, and the registry of the
 * round after it is its reference block looked up, then the 2,250 rows of that one round folded onto the cached
 * state.
 *
 * <p>A call changes the cache, so every measured call gets a fresh cache seeded with a full scan (not measured):
 * one call per iteration, in single-shot mode.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegistrationCacheBenchmark {

    private ChurnLedger ledger;
    private RegistrationCache cache;

    @Setup(Level.Iteration)
    public void seed(ChurnLedger churn) throws PowLedgerUnavailableException {
        ledger = churn;
        cache = new RegistrationCache(churn.fold(), 2);
        cache.registryAt(churn.referenceHeight());
    }

    @Benchmark
    public RegistrationState foldNextRound() throws PowLedgerUnavailableException {
        return cache.registryOfRound(ledger.network(), ChurnLedger.ROUND + 1);
    }
}
