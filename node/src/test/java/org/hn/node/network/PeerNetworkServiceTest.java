package org.hn.node.network;

import org.hn.chain.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.message.PosMessage;
import org.hn.chain.testing.TestChain;
import org.hn.config.Network;
import org.hn.node.client.ClientSettings;
import org.hn.node.client.FramingMemory;
import org.hn.node.client.PeerClient;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.Direction;
import org.hn.node.peers.PeerConnection;
import org.hn.node.peers.PeerKey;
import org.hn.node.server.FakeNode;
import org.hn.node.server.LoopbackServer;
import org.hn.node.server.ServerSettings;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.mapping.ChainProtos;
import org.hn.node.wire.proto.Block;
import org.hn.registry.Hypernode;
import org.hn.registry.schedule.TestAssignment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerNetworkServiceTest {

    private static final HelloString OUR_HELLO = new HelloString("posnet0002", 7070, FakeNode.ADDRESS_1);
    /** Our tip, as sent in height exchanges. */
    private static final HeightStatus OUR_TIP = new HeightStatus(5, 900, 3, "0a".repeat(20), 7, 2, 4, 1);
    /** {@link FakeNode#tip()}. */
    private static final HeightStatus SERVER_TIP = new HeightStatus(2, 881, 2, "03".repeat(20), 5, 1, 3, 1);
    private static final Duration PEER_RETRY = Duration.ofSeconds(20);
    private static final ExchangePeriods PERIODS = new ExchangePeriods(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofMillis(10));
    private static final long WAIT_SECONDS = 20;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final TestClock clock = new TestClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    private final long now = clock.instant().getEpochSecond();
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final Mempool mempool = new Mempool(TestChain.MAINNET, txid -> false, MempoolLimits.DEFAULTS,
            new SplittableRandom(1));
    private final AtomicBoolean busy = new AtomicBoolean();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void shutdown() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private PeerNetworkService service(InetAddress localAddress) {
        FrameSettings frames = FrameSettings.defaults(Network.MAINNET);
        FramingMemory memory = new FramingMemory();
        PeerClient sessions = new PeerClient(group,
                new ClientSettings(frames, Duration.ofSeconds(2), Duration.ofSeconds(5), localAddress), memory, clock);
        PeerClient oneShots = new PeerClient(group,
                new ClientSettings(frames, Duration.ofSeconds(2), Duration.ofSeconds(2), localAddress), memory, clock);
        PeerNetworkService service = new PeerNetworkService(sessions, oneShots, OUR_HELLO, registry, () -> OUR_TIP,
                mempool, clock, PERIODS, busy::get, PEER_RETRY);
        resources.add(0, service);
        return service;
    }

    private PeerNetworkService service() {
        return service(null);
    }

    private LoopbackServer server() throws InterruptedException {
        LoopbackServer server = new LoopbackServer(ServerSettings.defaults(Network.MAINNET), Set.of(), 1);
        server.node.registeredIps.add("127.0.0.1");
        resources.add(server);
        return server;
    }

    private static Hypernode hypernode(String ip, String port) {
        return new Hypernode("registrar", ip, port, FakeNode.ADDRESS_0, "reward", 1, BigDecimal.ONE, true);
    }

    private static Hypernode hypernode(LoopbackServer server) {
        return hypernode("127.0.0.1", String.valueOf(server.address().getPort()));
    }

    private static String keyOf(LoopbackServer server) {
        return new PeerKey("127.0.0.1", server.address().getPort()).toString();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits for the network side to reach a state; fails after {@link #WAIT_SECONDS}. */
    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static long count(LoopbackServer server, String call) {
        synchronized (server.node.calls) {
            return server.node.calls.stream().filter(call::equals).count();
        }
    }

    private static List<Block> protos(List<PosBlock> blocks) {
        return blocks.stream().map(ChainProtos::toProto).toList();
    }

    @Test
    void workersExchangeHeightsWithEveryConnectToPeer() throws Exception {
        LoopbackServer first = server();
        LoopbackServer second = server();
        PeerNetworkService network = service();

        network.maintainConnections(List.of(hypernode(first), hypernode(second)));
        eventually("both heights", () -> network.outboundHeights().size() == 2);

        Map<String, HeightStatus> heights = network.outboundHeights();
        assertEquals(List.of(keyOf(first), keyOf(second)), new ArrayList<>(heights.keySet()));
        assertEquals(SERVER_TIP, heights.get(keyOf(first)));
        assertEquals(SERVER_TIP, heights.get(keyOf(second)));
        assertEquals(2, network.connectedCount());
        assertEquals(Map.of(), network.inboundHeights());
        PeerConnection atServer = first.registry.find(Direction.INBOUND, PeerKey.parse("127.0.0.1:07070")).orElseThrow();
        assertEquals(OUR_TIP, atServer.heightStatus().orElseThrow());
        // Our mempool is empty: no mempool exchange.
        assertEquals(0, first.node.calls.stream().filter(call -> call.startsWith("receivedSince")).count());

        assertEquals(1, count(first, "tip"));
        clock.advance(Duration.ofSeconds(10));
        eventually("a second height exchange", () -> count(first, "tip") == 2 && count(second, "tip") == 2);
    }

    @Test
    void inboundHeightsAreThoseTheServerStored() {
        PeerNetworkService network = service();
        PeerConnection reported = new PeerConnection(PeerKey.parse("10.0.0.2:06969"), Direction.INBOUND,
                new ConnectionStats(clock.instant()), OUR_HELLO);
        reported.heightStatus(SERVER_TIP);
        registry.add(reported);
        registry.add(new PeerConnection(PeerKey.parse("10.0.0.3:06969"), Direction.INBOUND,
                new ConnectionStats(clock.instant()), OUR_HELLO));

        assertEquals(Map.of("10.0.0.2:06969", SERVER_TIP), network.inboundHeights());
        assertEquals(2, network.connectedCount());
    }

    @Test
    void aMempoolExchangeCarriesMessagesBothWays() throws Exception {
        LoopbackServer server = server();
        PosMessage ours = TestChain.tx(now - 10, 0, 1, 202, "START", 1);
        PosMessage theirs = TestChain.tx(now - 20, 2, 3, 202, "START", 2).receivedAt(now - 5);
        mempool.digest(List.of(ours), now);
        server.node.mempool.add(theirs);
        PeerNetworkService network = service();

        network.maintainConnections(List.of(hypernode(server)));
        eventually("their message in our mempool", () -> mempool.size() == 2);

        assertTrue(mempool.contains(theirs.txid()));
        assertEquals(1, server.node.digested.size());
        assertEquals(List.of(ours.txidHex()), server.node.digested.get(0).stream().map(PosMessage::txidHex).toList());
        assertEquals(1, count(server, "receivedSince 0"));
    }

    @Test
    void laterMempoolExchangesSendOnlyWhatArrivedSinceAndComeSoonerWhenBusy() throws Exception {
        LoopbackServer server = server();
        PosMessage ours = TestChain.tx(now - 10, 0, 1, 202, "START", 1);
        PosMessage theirs = TestChain.tx(now - 20, 2, 3, 202, "START", 2).receivedAt(now - 5);
        mempool.digest(List.of(ours), now);
        server.node.mempool.add(theirs);
        PeerNetworkService network = service();
        network.maintainConnections(List.of(hypernode(server)));
        eventually("the first mempool exchange", () -> mempool.size() == 2);

        busy.set(true);
        clock.advance(Duration.ofSeconds(20));
        // the server digests our batch before it selects its answer: wait for both
        eventually("a second mempool exchange", () -> server.node.digested.size() == 2
                && count(server, "receivedSince " + now) == 1);

        // Our own message (received 0) went in the first exchange only; theirs arrived at the first exchange.
        assertEquals(List.of(theirs.txidHex()), server.node.digested.get(1).stream().map(PosMessage::txidHex).toList());
        assertEquals(1, count(server, "receivedSince " + now));
    }

    @Test
    void aPeerThatClosesEndsItsWorkerUntilTheRetryDelay() throws Exception {
        LoopbackServer server = server();
        PeerNetworkService network = service();
        PeerKey key = PeerKey.parse(keyOf(server));
        network.maintainConnections(List.of(hypernode(server)));
        eventually("connected", () -> network.connectedCount() == 1);

        server.close();
        resources.remove(server);

        eventually("the worker to end", () -> !network.hasWorker(key));
        assertEquals(0, network.connectedCount());
        assertEquals(Map.of(), network.outboundHeights());
        network.maintainConnections(List.of(hypernode(server)));
        assertFalse(network.hasWorker(key));
    }

    @Test
    void aPeerDroppedFromConnectToIsClosed() throws Exception {
        LoopbackServer kept = server();
        LoopbackServer dropped = server();
        PeerNetworkService network = service();
        network.maintainConnections(List.of(hypernode(kept), hypernode(dropped)));
        eventually("both connected", () -> network.connectedCount() == 2);

        network.maintainConnections(List.of(hypernode(kept)));

        assertEquals(1, network.connectedCount());
        assertFalse(network.hasWorker(PeerKey.parse(keyOf(dropped))));
        assertTrue(registry.find(Direction.OUTBOUND, PeerKey.parse(keyOf(kept))).isPresent());
        eventually("the dropped peer sees the close", () -> dropped.registry.connections(Direction.INBOUND).isEmpty());
        assertEquals(1, kept.registry.connections(Direction.INBOUND).size());
    }

    @Test
    void aFailedPeerIsRetriedOnlyAfterTheRetryDelay() throws Exception {
        try (ClosingPeer peer = new ClosingPeer()) {
            PeerNetworkService network = service();
            Hypernode hypernode = hypernode("127.0.0.1", String.valueOf(peer.port()));
            PeerKey key = new PeerKey("127.0.0.1", peer.port());

            network.maintainConnections(List.of(hypernode));
            // Each attempt connects twice: v2, then legacy after v2 went unanswered.
            assertTrue(peer.accepted.tryAcquire(2, WAIT_SECONDS, TimeUnit.SECONDS));
            eventually("the worker to end", () -> !network.hasWorker(key));

            clock.advance(PEER_RETRY.minusSeconds(1));
            network.maintainConnections(List.of(hypernode));
            assertFalse(network.hasWorker(key));

            clock.advance(Duration.ofSeconds(1));
            network.maintainConnections(List.of(hypernode));
            assertTrue(peer.accepted.tryAcquire(2, WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(0, network.connectedCount());
        }
    }

    @Test
    void unusablePortsAreSkipped() {
        PeerNetworkService network = service();
        network.maintainConnections(List.of(hypernode("127.0.0.1", "69x9"), hypernode("127.0.0.1", "70000"),
                hypernode("127.0.0.1", "")));
        assertFalse(network.hasWorker(new PeerKey("127.0.0.1", 6969)));
        assertEquals(Map.of(), network.outboundHeights());
    }

    @Test
    void aPushedBlockReachesThePeerIntact() throws Exception {
        LoopbackServer server = server();
        PosBlock block = FakeNode.block(7, 890, 4, List.of(TestChain.tx(now - 30, 1, 2, 202, "START", 3)));

        service().pushBlock(block, List.of(hypernode("127.0.0.1", "not a port"), hypernode(server)));

        assertEquals("blocksPushed 127.0.0.1 1", server.node.callQueue.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(ChainProtos.toProto(block), ChainProtos.toProto(server.node.pushed.get(0)));
        assertEquals("127.0.0.1", server.node.pushed.get(0).receivedBy());
    }

    @Test
    void aTestIsPassedWhenEchoedAndFailedOtherwise() throws Exception {
        LoopbackServer server = server();
        PeerNetworkService network = service();
        TestAssignment assignment = new TestAssignment(FakeNode.ADDRESS_1, FakeNode.ADDRESS_0, 3);

        assertTrue(await(network.test(hypernode(server), assignment, now)));
        PosMessage request = server.node.tests.get(0);
        assertEquals(now, request.timestamp());
        assertEquals(FakeNode.ADDRESS_1, request.sender());
        assertEquals(FakeNode.ADDRESS_0, request.recipient());
        assertEquals(202, request.what());
        assertEquals("TEST:3", request.params());
        assertEquals(0, request.value());
        assertEquals(0, request.blockHeight());
        assertEquals(0, request.txid().length);
        assertEquals(0, request.pubkey().length);

        server.node.acceptTests = false;
        assertFalse(await(network.test(hypernode(server), assignment, now)));

        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        assertFalse(await(network.test(hypernode("127.0.0.1", String.valueOf(closedPort)), assignment, now)));
        assertFalse(await(network.test(hypernode("127.0.0.1", "port"), assignment, now)));
    }

    @Test
    void roundBlocksBlockInfoAndBlockSyncOnOneShotSessions() throws Exception {
        LoopbackServer server = server();
        PeerNetworkService network = service();
        String key = keyOf(server);

        List<PosBlock> round = await(network.roundBlocks(key, 880));
        assertEquals(protos(server.node.chain.subList(0, 2)), protos(round));
        assertEquals(List.of(key, key), round.stream().map(PosBlock::receivedBy).toList());
        assertEquals(new HeightStatus(1, 880, 1, "02".repeat(20), 4, 0, 2, 0), await(network.blockInfo(key, 1)));
        assertEquals(new HeightStatus(0, 0, 0, "", 0, 0, 0, 0), await(network.blockInfo(key, 9)));
        List<PosBlock> synced = await(network.blockSync(key, 1));
        assertEquals(protos(server.node.chain.subList(1, 3)), protos(synced));
        assertEquals(List.of("roundBlocks 880", "blockInfo 1", "blockInfo 9", "blocksFrom 1"), server.node.calls);
    }

    @Test
    void blockInfoAndBlockSyncUseTheWorkersSessionWhenThereIsOne() throws Exception {
        LoopbackServer server = server();
        PeerNetworkService network = service();
        String key = keyOf(server);
        network.maintainConnections(List.of(hypernode(server)));
        eventually("the first height exchange", () -> network.outboundHeights().containsKey(key));
        PeerConnection worker = registry.find(Direction.OUTBOUND, PeerKey.parse(key)).orElseThrow();
        long sentBefore = worker.stats().messagesSent();

        assertEquals(new HeightStatus(2, 881, 2, "03".repeat(20), 4, 0, 2, 0), await(network.blockInfo(key, 2)));
        assertEquals(protos(server.node.chain.subList(2, 3)), protos(await(network.blockSync(key, 2))));

        assertEquals(sentBefore + 2, worker.stats().messagesSent());
        assertEquals(1, server.registry.connections(Direction.INBOUND).size());
        assertTrue(network.hasWorker(PeerKey.parse(key)));
    }

    @Test
    void connectionsLeaveFromTheLocalSourceAddress() throws Exception {
        LoopbackServer server = server();
        server.node.registeredIps.add("127.0.0.9");
        PeerNetworkService network = service(InetAddress.getByName("127.0.0.9"));

        network.maintainConnections(List.of(hypernode(server)));
        eventually("the first height exchange", () -> network.outboundHeights().size() == 1);

        PeerConnection atServer = server.registry.find(Direction.INBOUND, PeerKey.parse("127.0.0.9:07070")).orElseThrow();
        assertEquals(OUR_TIP, atServer.heightStatus().orElseThrow());
        assertEquals(1, server.registry.connections(Direction.INBOUND).size());
    }

    @Test
    void closeEndsEveryWorker() throws Exception {
        LoopbackServer server = server();
        PeerNetworkService network = service();
        network.maintainConnections(List.of(hypernode(server)));
        eventually("connected", () -> network.connectedCount() == 1);

        network.close();

        assertEquals(0, network.connectedCount());
        eventually("the peer sees the close", () -> server.registry.connections(Direction.INBOUND).isEmpty());
        network.maintainConnections(List.of(hypernode(server)));
        assertFalse(network.hasWorker(PeerKey.parse(keyOf(server))));
    }

    /** A peer that accepts connections and closes them at once, counting them. */
    private static final class ClosingPeer implements AutoCloseable {

        final Semaphore accepted = new Semaphore(0);
        private final ServerSocket socket;
        private final Thread acceptor;

        ClosingPeer() throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        accepted.release();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "closing-peer");
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
    }
}
