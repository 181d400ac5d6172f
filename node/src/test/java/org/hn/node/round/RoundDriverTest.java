package org.hn.node.round;

import org.hn.chain.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hn.chain.block.PosBlock;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.registry.Hypernode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundDriverTest {

    private static final byte ID = DriverFixture.ID;
    private static final long ROUND = DriverFixture.ROUND;
    private static final long ROUND_START = DriverFixture.ROUND_START;

    @TempDir
    Path directory;

    private DriverFixture node;
    private TestClock clock;
    private ScriptedPeers peers;
    private ChainStore store;
    private Mempool mempool;
    private PosBlock genesis;
    private RoundDriver driver;

    private static String address(int key) {
        return DriverFixture.address(key);
    }

    @BeforeEach
    void startNode() throws Exception {
        genesis = DriverFixture.genesis();
        store = ChainStore.open(directory.resolve("chain.db"), genesis);
        mempool = DriverFixture.emptyMempool();
        node = new DriverFixture(directory, store, mempool);
        clock = node.clock;
        peers = node.peers;
        driver = node.driver;
    }

    @AfterEach
    void stopNode() throws Exception {
        store.close();
        node.close();
    }

    private void moveTo(long epochSeconds) throws Exception {
        node.moveTo(epochSeconds);
    }

    private int firstSlotOf(String address) {
        return node.firstSlotOf(address);
    }

    private List<PosMessage> messagesFrom(int key, int count) throws Exception {
        List<PosMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(PosMessage.sign(TestChain.key(key), ID, clock.millis() / 1000 - i, address(key), 202, "START",
                    ROUND));
        }
        return messages;
    }

    @Test
    void startsWithFewConnectionsThenForgesInItsSlotAndPushesToEveryOtherHypernode() throws Exception {
        driver.start();
        assertEquals(ROUND, driver.context().orElseThrow().round());
        assertTrue(mempool.size() >= 1, "our START message");
        driver.tick();
        assertEquals(NodeState.START, driver.state(), "no connection yet");
        peers.connected = 3;
        driver.tick();
        assertEquals(NodeState.SYNCING, driver.state());
        assertEquals(3, peers.connectTo.size());

        int slot = firstSlotOf(address(0));
        mempool.digest(messagesFrom(1, 3), clock.millis() / 1000);
        for (String peer : List.of("127.0.0.2:07001", "127.0.0.3:07002", "127.0.0.4:07003")) {
            peers.outbound.put(peer, store.heightStatus());
        }
        moveTo(ROUND_START + slot * 6L + 2);
        driver.tick();
        driver.tick();

        assertEquals(1, peers.pushed.size(), "forged once in the slot");
        PosBlock block = peers.pushed.get(0);
        assertEquals(1, block.height());
        assertEquals(ROUND, block.round());
        assertEquals(slot, block.sir());
        assertEquals(address(0), block.forger());
        assertEquals(block, store.tip());
        assertEquals(List.of(address(1), address(2), address(3)),
                peers.pushRecipients.get(0).stream().map(Hypernode::posAddress).toList(), "every other, registry order");
        assertEquals(1, driver.forgedCount());
        assertEquals(NodeState.SYNCING, driver.state());
        driver.tick();
        assertEquals(1, peers.pushed.size(), "no second block in the same slot");
    }

    @Test
    void aLowerMinimumConnectivityLetsANodeWithOnePeerLeaveStart() throws Exception {
        driver.start();
        peers.connected = 1;
        driver.tick();
        assertEquals(NodeState.START, driver.state(), "one connection is below the default 3");

        Path other = Files.createDirectories(directory.resolve("other"));
        try (ChainStore otherStore = ChainStore.open(other.resolve("chain.db"), genesis);
             DriverFixture lowered = new DriverFixture(other, otherStore,
                     new Mempool(ID, txid -> false, MempoolLimits.DEFAULTS, new SplittableRandom(7)),
                     new Tuning(40, 4, 1))) {
            lowered.driver().start();
            lowered.connected(0);
            lowered.driver().tick();
            assertEquals(NodeState.START, lowered.driver().state());
            lowered.connected(1);
            lowered.driver().tick();
            assertEquals(NodeState.SYNCING, lowered.driver().state(), "MINIMUM_CONNECTIVITY 1");
        }
    }

    @Test
    void waitsForALatePowSourceAndRecovers() throws Exception {
        node.powLate = true;
        driver.start();
        assertEquals(NodeState.POW_NOT_SYNC, driver.state());
        assertTrue(driver.context().isEmpty());
        driver.tick();
        assertEquals(NodeState.POW_NOT_SYNC, driver.state());
        node.powLate = false;
        driver.tick();
        assertEquals(ROUND, driver.context().orElseThrow().round());
        assertEquals(NodeState.START, driver.state(), "round known, no connection yet");
        assertEquals(0, driver.roundsCompleted());
        moveTo(DriverFixture.NETWORK.roundStart(ROUND + 1) + 1);
        driver.tick();
        assertEquals(ROUND + 1, driver.context().orElseThrow().round());
        assertEquals(1, driver.roundsCompleted());
    }

    @Test
    void acceptsAPushedBlockOnlyFromTheSlotsForger() throws Exception {
        driver.start();
        peers.connected = 3;
        driver.tick();
        int slot = firstSlotOf(address(1));
        moveTo(ROUND_START + slot * 6L + 1);
        driver.tick();
        assertEquals(NodeState.SYNCING, driver.state());
        List<PosMessage> txs = new ArrayList<>(messagesFrom(1, 2));
        txs.addAll(messagesFrom(2, 2));
        PosBlock block = PosBlock.forge(TestChain.key(1), ID, 1, ROUND, slot, clock.millis() / 1000,
                genesis.blockHash(), txs);

        assertEquals(Optional.of(new BlockRefusal("sender 127.0.0.9 is not a registered hypernode", true)),
                driver.acceptPushedBlock(block, "127.0.0.9"));
        assertEquals(Optional.of(new BlockRefusal("sender 127.0.0.3 is not the forger of slot " + slot, true)),
                driver.acceptPushedBlock(block, "127.0.0.3"));
        PosBlock badlyLinked = PosBlock.forge(TestChain.key(1), ID, 1, ROUND, slot, clock.millis() / 1000,
                new byte[20], txs);
        BlockRefusal unlinked = driver.acceptPushedBlock(badlyLinked, "127.0.0.2").orElseThrow();
        assertTrue(unlinked.reason().startsWith("WRONG_PREVIOUS_HASH") && unlinked.sendersFault(), unlinked.toString());
        assertEquals(Optional.empty(), driver.acceptPushedBlock(block, "127.0.0.2"));
        assertEquals(block, store.tip());
        BlockRefusal twice = driver.acceptPushedBlock(block, "127.0.0.2").orElseThrow();
        assertTrue(twice.reason().startsWith("WRONG_HEIGHT") && !twice.sendersFault(),
                "the same block twice: we may simply be ahead, not the sender's fault");
    }

    @Test
    void roundListenersHearEachRoundOnceEvenWhenThePowSourceIsLateAtTheChange() throws Exception {
        List<String> heard = new ArrayList<>();
        driver.addRoundListener(new RoundListener() {
            @Override
            public void roundPrepared(RoundContext context) {
                heard.add("prepared " + (context.round() - ROUND));
                throw new IllegalStateException("a failing listener does not stop the driver");
            }

            @Override
            public void roundEnded(RoundContext ended, long nowSeconds) {
                heard.add("ended " + (ended.round() - ROUND) + " at +" + (nowSeconds - ROUND_START));
            }
        });
        driver.start();
        driver.tick();
        node.powLate = true;
        moveTo(ROUND_START + 121);
        driver.tick();
        driver.tick();
        assertEquals(NodeState.POW_NOT_SYNC, driver.state());
        node.powLate = false;
        moveTo(ROUND_START + 125);
        driver.tick();
        driver.tick();
        assertEquals(ROUND + 1, driver.context().orElseThrow().round());
        assertEquals(List.of("prepared 0", "ended 0 at +121", "prepared 1"), heard);
    }
}
