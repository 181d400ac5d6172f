package org.hn.registry.round;

import java.util.List;
import java.util.Set;
import org.hn.config.Network;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.registry.Hypernode;
import org.hn.registry.colored.ColoredLists;
import org.hn.registry.colored.Rainbow;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationState;
import org.hn.registry.schedule.JurorSchedule;
import org.hn.registry.schedule.TestSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes a round's plan from the PoW chain ({@code spec/rounds.md §7.2} steps 7–15): the registry of the
 * round, inactive entries flagged, tickets to jurors over the active entries, test slots over all of them with
 * the {@code TESTS_PER_SLOT} of the rainbow list in force for the round (§10; MUST (compat): read from the chain).
 */
public final class RoundPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(RoundPlanner.class);

    private final Network network;
    private final RegistrationCache registrations;

    public RoundPlanner(Network network, RegistrationCache registrations) {
        this.network = network;
        this.registrations = registrations;
    }

    /** The registry of a round, every entry active (no local chain to judge activity by). */
    public List<Hypernode> registryOfRound(long round) throws PowLedgerUnavailableException {
        return registrations.registryOfRound(network, round).hypernodes();
    }

    /**
     * Plans a round.
     *
     * @param referenceHash 20 bytes: the hash of the last local block before the round
     * @param inactive      PoS addresses that lose their tickets ({@link ActivityFilter#inactive})
     * @throws PowLedgerUnavailableException when the PoW ledger is late or unreadable
     */
    public RoundPlan plan(long round, byte[] referenceHash, Set<String> inactive) throws PowLedgerUnavailableException {
        Rainbow rainbow = ColoredLists.ofRound(registrations.ledger(), network, round)
                .rainbow(ignored -> LOG.warn("round {}: rainbow item ignored: {}", round, ignored));
        RegistrationState state = registrations.registryOfRound(network, round);
        List<Hypernode> hypernodes = state.hypernodes().stream()
                .map(hypernode -> inactive.contains(hypernode.posAddress()) ? hypernode.withActive(false) : hypernode)
                .toList();
        JurorSchedule jurors = JurorSchedule.draw(hypernodes, referenceHash);
        TestSchedule tests = TestSchedule.draw(hypernodes, jurors, referenceHash, rainbow.testsPerSlot(),
                TestSchedule.DEFAULT_TEST_TYPES);
        return new RoundPlan(round, state.scannedThrough(), referenceHash, hypernodes, state.invalid(), jurors, tests,
                rainbow);
    }
}
