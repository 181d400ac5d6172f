package org.hn.bench;

import java.util.concurrent.TimeUnit;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.registry.registration.RegistrationState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The registry of a round computed from scratch ({@code spec/pow.md §5.2–5.4}), as a node does at start-up: the
 * 100,000 registration rows of {@link ChurnLedger} read from the checkpoint to the round's reference height and
 * folded under COMPAT rules, each valid registration reading its collateral balance from the ledger.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegistrationFoldBenchmark {

    @Benchmark
    public RegistrationState scanFromCheckpoint(ChurnLedger ledger) throws PowLedgerUnavailableException {
        return ledger.fold().scan(RegistrationState.initial(), ledger.referenceHeight());
    }
}
