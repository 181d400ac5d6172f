package org.hn.node.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hn.chain.block.PosBlock;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.RoundRecord;
import org.hn.chain.store.RoundSignature;
import org.hn.chain.store.RoundSignatures;
import org.hn.chain.store.RoundStats;
import org.hn.chain.testing.TestChain;
import org.hn.config.Network;
import org.hn.node.round.DriverFixture;
import org.hn.node.round.RoundContext;
import org.hn.node.round.RoundDriver;
import org.hn.registry.Hypernode;
import org.hn.registry.round.RoundPlan;
import org.hn.registry.schedule.TestAssignment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A devnet driver with a {@link RoundRecorder}: what each round leaves in the chain database. */
class RoundRecorderTest {

    private static final Network NETWORK = DriverFixture.NETWORK;
    private static final byte ID = DriverFixture.ID;
    private static final long ROUND = DriverFixture.ROUND;
    private static final long ROUND_START = DriverFixture.ROUND_START;
    /** Devnet: 20 slots of 6 s. */
    private static final long ROUND_SECONDS = 120;
    private static final long PROCESS_STARTED = ROUND_START - 50;

    @TempDir
    Path directory;

    private ChainStore store;
    private Mempool mempool;
    private DriverFixture node;
    private RoundDriver driver;
    private final Deque<Traffic> trafficOfRounds = new ArrayDeque<>();
    private int trafficTaken;

    @BeforeEach
    void startNode() throws Exception {
        store = ChainStore.open(directory.resolve("chain.db"), DriverFixture.genesis());
        mempool = DriverFixture.emptyMempool();
        node = new DriverFixture(directory, store, mempool);
        driver = node.driver();
        RoundTraffic traffic = () -> {
            trafficTaken++;
            return trafficOfRounds.removeFirst();
        };
        driver.addRoundListener(new RoundRecorder(store, node.peerNetwork(), traffic,
                new RoundRecorder.Identity(NETWORK, TestChain.key(0), PROCESS_STARTED, 3)));
    }

    @AfterEach
    void stopNode() throws Exception {
        store.close();
        node.close();
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** The expected record, written out by hand from the plan (not by the JSON code under test). */
    private static RoundRecord expectedRecord(RoundPlan plan) {
        String active = plan.hypernodes().stream().filter(Hypernode::active).map(h -> quoted(h.posAddress()))
                .collect(Collectors.joining(",", "[", "]"));
        String slots = plan.jurors().jurors().stream().map(j -> "[" + quoted(j.posAddress()) + "," + j.tid() + "]")
                .collect(Collectors.joining(",", "[", "]"));
        String tests = plan.tests().slots().stream().map(slot -> slot.stream().map(RoundRecorderTest::test)
                .collect(Collectors.joining(",", "[", "]"))).collect(Collectors.joining(",", "[", "]"));
        return new RoundRecord(plan.round(), active, slots, tests);
    }

    private static String test(TestAssignment test) {
        return "[" + quoted(test.tester()) + "," + quoted(test.testee()) + "," + test.type() + "]";
    }

    private List<PosMessage> messagesFrom(int key, int count) throws Exception {
        List<PosMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(PosMessage.sign(TestChain.key(key), ID, node.nowSeconds() - i, DriverFixture.address(key),
                    202, "START", ROUND));
        }
        return messages;
    }

    @Test
    void eachRoundLeavesItsScheduleThenItsStatsAndOurSignatureOnce() throws Exception {
        driver.start();
        RoundContext first = driver.context().orElseThrow();
        assertEquals(4, first.plan().hypernodes().stream().filter(Hypernode::active).count());
        assertEquals(Optional.of(expectedRecord(first.plan())), store.round(ROUND));
        assertTrue(store.round(ROUND).orElseThrow().activeHypernodes().startsWith("[\"" + DriverFixture.address(0)),
                "active hypernodes in registry order");

        // forge our block of the round; then two peers are level with us and one is a block behind
        node.connected(3);
        driver.tick();
        mempool.digest(messagesFrom(1, 3), node.nowSeconds());
        for (String peer : List.of("127.0.0.2:07001", "127.0.0.3:07002", "127.0.0.4:07003")) {
            node.outboundHeights().put(peer, store.heightStatus());
        }
        node.moveTo(ROUND_START + node.firstSlotOf(DriverFixture.address(0)) * 6L + 2);
        driver.tick();
        driver.tick();
        PosBlock forged = store.tip();
        assertEquals(1, forged.height());
        assertEquals(DriverFixture.address(0), forged.forger());
        node.outboundHeights().put("127.0.0.2:07001", store.heightStatus());
        node.outboundHeights().put("127.0.0.4:07003", store.heightStatus());
        driver.tick();
        assertEquals(0, trafficTaken, "no stats before the round ends");
        assertEquals(Optional.empty(), store.roundStats(ROUND));

        trafficOfRounds.add(new Traffic(1200, 3400, 12, 34));
        long secondStart = NETWORK.roundStart(ROUND + 1);
        assertEquals(ROUND_START + ROUND_SECONDS, secondStart);
        node.moveTo(secondStart + 1);
        driver.tick();
        assertEquals(new RoundStats(ROUND, 1200, 3400, 12, 34, ROUND_SECONDS + 51, 3,
                "{\"127.0.0.2:07001\":1,\"127.0.0.3:07002\":0,\"127.0.0.4:07003\":1}", "{\"127.0.0.3:07002\":1}"),
                store.roundStats(ROUND).orElseThrow());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(forged.blockHash());
        List<RoundSignature> signatures = store.roundSignatures(ROUND);
        assertEquals(1, signatures.size());
        RoundSignature ours = signatures.get(0);
        assertEquals(DriverFixture.address(0), ours.forger());
        assertArrayEquals(digest, ours.digest());
        assertTrue(RoundSignatures.verify(List.of(forged), ours, TestChain.key(0).publicKey(), ID));
        assertEquals(Optional.of(expectedRecord(driver.context().orElseThrow().plan())), store.round(ROUND + 1));

        node.moveTo(secondStart + 30);
        driver.tick();
        driver.tick();
        assertEquals(1, trafficTaken, "the round ended once");
        assertEquals(Optional.empty(), store.roundStats(ROUND + 1));

        trafficOfRounds.add(new Traffic(5, 6, 1, 2));
        node.moveTo(NETWORK.roundStart(ROUND + 2) + 3);
        driver.tick();
        driver.tick();
        assertEquals(2, trafficTaken);
        assertEquals(new RoundStats(ROUND + 1, 5, 6, 1, 2, 2 * ROUND_SECONDS + 53, 3,
                "{\"127.0.0.2:07001\":1,\"127.0.0.3:07002\":0,\"127.0.0.4:07003\":1}", "{\"127.0.0.3:07002\":1}"),
                store.roundStats(ROUND + 1).orElseThrow());
        assertEquals(List.of(), store.roundSignatures(ROUND + 1), "we forged nothing in that round");
        assertEquals(List.of(signatures.get(0)), store.roundSignatures(ROUND), "the first round's is kept as it was");
        assertTrue(store.round(ROUND + 2).isPresent());
    }
}
