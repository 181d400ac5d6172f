package org.hn.registry.round;

import static org.hn.pow.fixture.ReferenceLedgerFixture.D1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D2;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D3;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D4;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P10;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P11;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P2;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P3;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P4;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hn.config.Network;
import org.hn.pow.fixture.ReferenceLedgerFixture;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.Hypernode;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationFold;
import org.hn.registry.registration.RuleProfile;
import org.hn.registry.schedule.Juror;
import org.hn.registry.schedule.TestAssignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundPlannerTest {

    @TempDir
    Path directory;

    private RoundPlanner planner(RuleProfile profile) throws Exception {
        Path ledger = ReferenceLedgerFixture.build(directory.resolve("ledger.db"));
        RegistrationFold fold = RegistrationFold.forNetwork(profile, Network.MAINNET, new SqlitePowLedger(ledger));
        return new RoundPlanner(Network.MAINNET, new RegistrationCache(fold, 4));
    }

    @Test
    void plansRound192OfTheReferenceFixture() throws Exception {
        byte[] referenceHash = new byte[20];
        Arrays.fill(referenceHash, (byte) 0x11);
        RoundPlan plan = planner(RuleProfile.COMPAT).plan(192, referenceHash, Set.of(P1));

        assertEquals(780_100L, plan.referenceHeight());
        assertEquals(List.of(10, 35, 20), List.of(plan.rainbow().testsPerSlot(), plan.rainbow().maxConnectTo(),
                plan.rainbow().minForgeConsensus()), "the rainbow of pow.md §13.4 item 9, the forged one ignored");
        assertEquals(List.of(P1, P2, P3, P4, P8, P11, D1, D3, D4, D2, P10),
                plan.hypernodes().stream().map(Hypernode::posAddress).toList());
        assertFalse(plan.hypernodes().get(0).active(), "P1 was inactive in round 191");
        assertTrue(plan.hypernodes().stream().skip(1).allMatch(Hypernode::active));
        assertFalse(plan.invalid().isEmpty());

        List<Juror> jurors = plan.jurors().jurors();
        assertEquals(19, jurors.size());
        Set<String> forgers = jurors.stream().map(Juror::posAddress).collect(Collectors.toSet());
        assertFalse(forgers.contains(P1), "an inactive hypernode gets no ticket");
        assertFalse(forgers.contains(P4), "a weight-0 registration gets no ticket");

        Set<String> registered = new HashSet<>(plan.hypernodes().stream().map(Hypernode::posAddress).toList());
        for (int slot = 0; slot < 19; slot++) {
            List<TestAssignment> tests = plan.tests().testsOfSlot(slot);
            assertEquals(10, tests.size(), "TESTS_PER_SLOT=10 from the fixture's rainbow");
            String forger = jurors.get(slot).posAddress();
            for (TestAssignment test : tests) {
                assertTrue(registered.contains(test.tester()) && registered.contains(test.testee()));
                assertFalse(test.tester().equals(forger) || test.testee().equals(forger), "the forger is not tested");
            }
        }
        assertEquals(0, plan.tests().testsOfSlot(19).size());
    }

    @Test
    void strictProfileDropsLowCollateralAndBadPorts() throws Exception {
        RoundPlan plan = planner(RuleProfile.STRICT).plan(192, new byte[20], Set.of());
        assertEquals(List.of(P1, P2, P3, P8, P11, D1, D4, D2, P10),
                plan.hypernodes().stream().map(Hypernode::posAddress).toList());
        assertEquals(10, plan.tests().testsOfSlot(0).size());
    }

    @Test
    void activityFilterNeedsTenActiveHypernodes() {
        List<Hypernode> previous = new java.util.ArrayList<>();
        Set<String> active = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String address = "HN" + i;
            previous.add(new Hypernode("R" + i, "10.0.0." + i, "6969", address, "R" + i, 1, BigDecimal.ONE, true));
            if (i < 9) {
                active.add(address);
            }
        }
        assertEquals(Set.of(), ActivityFilter.inactive(previous, active), "9 active: nobody is marked inactive");
        active.add("HN9");
        active.add("newcomer not in the previous registry");
        assertEquals(List.of("HN10", "HN11"), List.copyOf(ActivityFilter.inactive(previous, active)));
    }
}
