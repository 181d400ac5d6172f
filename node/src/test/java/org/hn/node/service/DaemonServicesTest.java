package org.hn.node.service;

import static org.hn.node.round.DriverFixture.ID;
import static org.hn.node.round.DriverFixture.ROUND;
import static org.hn.node.round.DriverFixture.ROUND_START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hn.chain.block.PosBlock;
import org.hn.chain.message.PosMessage;
import org.hn.chain.testing.TestChain;
import org.hn.node.peers.PeerKey;
import org.hn.node.round.DriverFixture;
import org.hn.node.round.NodeState;
import org.hn.node.server.NodeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonServicesTest {

    @TempDir
    Path directory;

    private ServicesNode node;

    @BeforeEach
    void open() throws Exception {
        node = new ServicesNode(directory);
    }

    @AfterEach
    void close() throws Exception {
        node.close();
    }

    @Test
    void theViewTellsOurHelloPosnetsRegisteredIpsAndQueryRights() {
        NodeView view = node.services.view();
        assertEquals("posnet000207000" + ServicesNode.address(0), view.ownHello().text());
        assertEquals(Set.of("posnet0002", "posnet0003", "posnet0004"), view.allowedPosnets(),
                "once a round is processed its rainbow decides (the devnet ledger has none: the defaults)");
        for (String ip : List.of("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4")) {
            assertTrue(view.isRegisteredIp(ip), ip);
        }
        assertFalse(view.isRegisteredIp("127.0.0.5"));
        assertTrue(view.isQueryAllowed("127.0.0.1"));
        assertFalse(view.isQueryAllowed("127.0.0.2"));
        assertFalse(view.isQueryAllowed("127.0.0.10"), "exact match, not substring");
    }

    @Test
    void requestsAreServedAtOnceOutsideNewround() {
        assertEquals(NodeState.SYNCING, node.node.driver().state());
        assertTrue(node.services.view().whenServing().toCompletableFuture().isDone());
    }

    @Test
    void requestsWaitWhileTheNodeIsInNewround() throws Exception {
        CountDownLatch inNewround = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        node.node.onPowCheck(() -> {
            inNewround.countDown();
            awaitQuietly(release);
        });
        node.node.moveTo(DriverFixture.NETWORK.roundStart(ROUND + 1) + 1);
        ExecutorService manager = Executors.newSingleThreadExecutor();
        try {
            Future<?> tick = manager.submit(() -> node.node.driver().tick());
            assertTrue(inNewround.await(10, TimeUnit.SECONDS));
            assertEquals(NodeState.NEWROUND, node.node.driver().state());
            CompletableFuture<Void> serving = node.services.view().whenServing().toCompletableFuture();
            assertFalse(serving.isDone());
            release.countDown();
            serving.get(10, TimeUnit.SECONDS);
            tick.get(10, TimeUnit.SECONDS);
            assertEquals(ROUND + 1, node.node.driver().context().orElseThrow().round());
        } finally {
            release.countDown();
            manager.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void mempoolBatchesAreDigestedAndSelectedByReceptionTime() {
        long now = node.node.nowSeconds();
        List<PosMessage> own = node.mempool.messages(now);
        assertEquals(1, own.size(), "our START message");
        assertEquals(now, own.get(0).received());
        PosMessage early = ServicesNode.tx(now - 20, 1, 1, 202, "START", ROUND).receivedAt(now - 10);
        PosMessage late = ServicesNode.tx(now - 19, 2, 2, 202, "START", ROUND).receivedAt(now - 5);
        PosMessage invalid = new PosMessage(new byte[64], 0, now - 18, ServicesNode.address(3),
                ServicesNode.address(3), 202, "START", ROUND, TestChain.key(3).publicKey().toBytes(), now - 5);
        node.services.mempool().digest(new PeerKey("127.0.0.2", 7001), List.of(early, late, invalid));

        assertEquals(List.of(own.get(0), early, late), node.services.mempool().receivedSince(0));
        assertEquals(List.of(own.get(0), late), node.services.mempool().receivedSince(now - 5));
        assertEquals(List.of(), node.services.mempool().receivedSince(now + 1));
    }

    @Test
    void pushedBlocksStopAtTheFirstRefusal() throws Exception {
        node.node.connected(3);
        node.node.driver().tick();
        int slot = node.node.firstSlotOf(ServicesNode.address(1));
        node.node.moveTo(ROUND_START + slot * 6L + 1);
        // the slot change is seen at the end of an iteration, the state follows it at the next one
        node.node.driver().tick();
        node.node.driver().tick();
        assertEquals(NodeState.SYNCING, node.node.driver().state());
        long now = node.node.nowSeconds();
        List<PosMessage> txs = new ArrayList<>();
        for (int sender = 1; sender <= 2; sender++) {
            for (int i = 0; i < 2; i++) {
                txs.add(ServicesNode.tx(now - i, sender, sender, 202, "START", ROUND));
            }
        }
        PosBlock tip = node.blocks.get(3);
        PosBlock good = PosBlock.forge(TestChain.key(1), ID, 4, ROUND, slot, now, tip.blockHash(), txs);
        PosBlock unlinked = PosBlock.forge(TestChain.key(1), ID, 4, ROUND, slot, now, new byte[20], txs);

        assertTrue(node.services.pushes().blocksPushed("127.0.0.2", List.of(unlinked, good)),
                "a badly linked block is the sender's fault");
        assertEquals(tip, node.store.tip(), "the good block after a refused one is not tried");
        assertFalse(node.services.pushes().blocksPushed("127.0.0.2", List.of(good, good)),
                "a second copy of a stored block is not held against the sender");
        assertEquals(good, node.store.tip());
    }

    @Test
    void aTestFromARegisteredIpIsRecordedAsOurSigned203() {
        long now = node.node.nowSeconds();
        PosMessage request = new PosMessage(new byte[0], 0, now, ServicesNode.address(2), ServicesNode.address(0), 202,
                "TEST:3", 0, new byte[0], now);
        int before = node.mempool.size();

        assertFalse(node.services.pushes().testRequested("127.0.0.9", request));
        assertEquals(before, node.mempool.size());
        assertTrue(node.services.pushes().testRequested("127.0.0.3", request));
        assertEquals(before + 1, node.mempool.size());
        PosMessage tested = node.mempool.messages(now).get(before);
        assertEquals(ServicesNode.address(0), tested.sender());
        assertEquals(ServicesNode.address(2), tested.recipient());
        assertEquals(203, tested.what());
        assertEquals("TEST:3", tested.params());
        assertEquals(now, tested.value());
        assertEquals(128, HexFormat.of().formatHex(tested.txid()).length());
    }
}
