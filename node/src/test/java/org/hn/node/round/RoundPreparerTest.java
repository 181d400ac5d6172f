package org.hn.node.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hn.chain.address.Address;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.config.Network;
import org.hn.pow.devnet.DevnetHypernode;
import org.hn.pow.devnet.DevnetLedger;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.Hypernode;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationFold;
import org.hn.registry.registration.RuleProfile;
import org.hn.registry.round.RoundPlanner;
import org.hn.registry.schedule.Juror;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundPreparerTest {

    private static final byte DEVNET_ID = Network.DEVNET.networkId();
    private static final long ROUND = Network.DEVNET.roundAt(1_700_000_000L);
    private static final long NOW = Network.DEVNET.roundStart(ROUND) + 30;

    @TempDir
    Path directory;

    private static String address(int key) {
        return Address.fromPublicKey(TestChain.key(key).publicKey(), DEVNET_ID);
    }

    @Test
    void preparesADevnetRoundFromTheLedgerAndTheLocalChain() throws Exception {
        List<DevnetHypernode> hypernodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hypernodes.add(DevnetHypernode.loopback(i, 7000, address(i)));
        }
        Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
        Path ledgerFile = directory.resolve("ledger.db");
        try (DevnetLedger ledger = DevnetLedger.create(ledgerFile, hypernodes, Duration.ofSeconds(5),
                Duration.ofMinutes(10), Duration.ofSeconds(5), clock)) {
            ledger.appendBlocksUntil(clock.instant());
        }
        PosBlock genesis = PosBlock.forge(TestChain.key(4), DEVNET_ID, 0, 0, 0, Genesis.TIMESTAMP,
                Genesis.previousHash(), List.of());
        RoundPlanner planner = new RoundPlanner(Network.DEVNET, new RegistrationCache(
                RegistrationFold.forNetwork(RuleProfile.STRICT, Network.DEVNET, new SqlitePowLedger(ledgerFile)), 4));

        try (ChainStore store = ChainStore.open(directory.resolve("chain.db"), genesis)) {
            RoundContext context = new RoundPreparer(planner, store, address(0)).prepare(ROUND, 40, NOW);

            assertEquals(ROUND, context.round());
            assertEquals(genesis.blockHashHex(), context.plan().referenceHashHex(), "the last block before the round");
            assertEquals(List.of(address(0), address(1), address(2), address(3)),
                    context.plan().hypernodes().stream().map(Hypernode::posAddress).toList());
            assertTrue(context.plan().hypernodes().stream().allMatch(Hypernode::active), "fewer than 10 were active");
            assertEquals(3, context.connectTo().size());
            assertFalse(context.connectTo().stream().anyMatch(peer -> peer.posAddress().equals(address(0))));
            assertEquals(19, context.plan().jurors().jurors().size());
            assertEquals(NOW, context.startedSeconds());
            assertEquals(context.registeredIps().size(), 4, "one loopback IP per hypernode");
            assertTrue(context.ourTests(0).stream().allMatch(test -> test.tester().equals(address(0))));

            RoundSchedules schedules = new RoundSchedules();
            schedules.remember(context);
            Juror slot7 = context.plan().jurors().jurors().get(7);
            assertEquals(Optional.of(slot7.posAddress()), schedules.forgerOf(ROUND, 7));
            assertEquals(Optional.empty(), schedules.forgerOf(ROUND, 19), "the end-of-round slot has no forger");
            assertEquals(Optional.empty(), schedules.forgerOf(ROUND - 1, 7), "a round never computed is unknown");
        }
    }
}
