package org.hn.node.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hn.config.Network;
import org.hn.node.peers.Direction;
import org.hn.node.peers.PeerKey;
import org.hn.node.server.FakeNode;
import org.hn.node.server.LoopbackServer;
import org.hn.node.server.ServerSettings;
import org.hn.node.wire.frame.FrameFormat;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.mapping.ChainProtos;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.hn.node.wire.proto.Height;
import org.hn.node.wire.proto.TX;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerClientTest {

    private static final HelloString OUR_HELLO = new HelloString("posnet0002", 7070, FakeNode.ADDRESS_1);
    private static final long WAIT_SECONDS = 20;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final FramingMemory memory = new FramingMemory();

    @AfterEach
    void shutdown() throws InterruptedException {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private PeerClient client(Duration answerTimeout) {
        return new PeerClient(group, new ClientSettings(FrameSettings.defaults(Network.MAINNET), Duration.ofSeconds(2),
                answerTimeout), memory, Clock.systemUTC());
    }

    private static LoopbackServer server() throws InterruptedException {
        return new LoopbackServer(ServerSettings.defaults(Network.MAINNET), Set.of(), 2);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
        return failure.getCause();
    }

    @Test
    void holdsAV2SessionAndExchangesHeightAndMempool() throws Exception {
        try (LoopbackServer server = server()) {
            server.node.registeredIps.add("127.0.0.1");
            server.node.mempool.add(FakeNode.message(9, System.currentTimeMillis() / 1000, 0));
            ClientSession session = await(client(Duration.ofSeconds(5)).open(server.address(), OUR_HELLO));

            assertEquals(FrameFormat.V2, session.framing());
            assertEquals(Optional.of(server.node.ownHello), session.peerHello());
            assertEquals(Optional.of(FrameFormat.V2), memory.recall(session.peer()));
            // hello: 12-byte v2 header + 53-byte Command (the vectors' hello frame is 4 + 53 bytes), each way.
            assertEquals(65, session.stats().bytesSent());
            assertEquals(65, session.stats().bytesReceived());
            assertTrue(server.registry.find(Direction.INBOUND, PeerKey.parse("127.0.0.1:07070")).isPresent());

            Height ours = Height.newBuilder().setHeight(1).setRound(880).setSir(1)
                    .setBlockHash(ByteString.copyFrom(FakeNode.filled(20, 2))).setUniques(0).setUniquesRound(1)
                    .setForgers(0).setForgersRound(1).build();
            Command height = await(session.request(Command.newBuilder().setCommand(Type.height).setHeightValue(ours).build()));
            assertEquals(Type.height, height.getCommand());
            assertEquals(2, height.getHeightValue().getHeight());
            assertEquals(881, height.getHeightValue().getRound());
            assertEquals(1, server.registry.find(Direction.INBOUND, PeerKey.parse("127.0.0.1:07070")).orElseThrow()
                    .heightStatus().orElseThrow().height());

            TX ourTx = ChainProtos.toProto(FakeNode.message(4, System.currentTimeMillis() / 1000, 0));
            Command mempool = await(session.request(Command.newBuilder().setCommand(Type.mempool).addTxValues(ourTx).build()));
            assertEquals(Type.mempool, mempool.getCommand());
            assertEquals(List.of(9), mempool.getTxValuesList().stream().map(TX::getValue).toList());
            assertEquals(1, server.node.digested.size());
            assertEquals(3, session.stats().messagesSent());
            assertEquals(3, session.stats().messagesReceived());
            session.close();
        }
    }

    @Test
    void fallsBackToLegacyWhenThePeerDropsV2AndRemembersIt() throws Exception {
        try (LegacyOnlyPeer peer = new LegacyOnlyPeer(false)) {
            PeerClient client = client(Duration.ofSeconds(5));
            ClientSession session = await(client.open(peer.address(), OUR_HELLO));
            assertEquals(FrameFormat.LEGACY, session.framing());
            assertEquals(LegacyOnlyPeer.HELLO, session.peerHelloText());
            assertEquals(2, peer.connections.get());
            assertEquals(Optional.of(FrameFormat.LEGACY), memory.recall(session.peer()));
            assertEquals(LegacyOnlyPeer.STATUS,
                    await(session.request(Command.newBuilder().setCommand(Type.status).build())).getStringValue());
            session.close();

            ClientSession again = await(client.open(peer.address(), OUR_HELLO));
            assertEquals(FrameFormat.LEGACY, again.framing());
            assertEquals(3, peer.connections.get());
            again.close();
        }
    }

    @Test
    void fallsBackToLegacyWhenThePeerNeverAnswersV2() throws Exception {
        try (LegacyOnlyPeer peer = new LegacyOnlyPeer(true)) {
            ClientSession session = await(client(Duration.ofMillis(500)).open(peer.address(), OUR_HELLO));
            assertEquals(FrameFormat.LEGACY, session.framing());
            assertEquals(2, peer.connections.get());
            assertEquals(Optional.of(FrameFormat.LEGACY), memory.recall(session.peer()));
            session.close();
        }
    }

    @Test
    void aKoToHelloFailsTheOpenWithItsReason() throws Exception {
        try (LoopbackServer server = server()) {
            server.node.posnets = Set.of("posnet0003");
            Throwable failure = failureOf(client(Duration.ofSeconds(5)).open(server.address(), OUR_HELLO));
            assertEquals("Bad Posnet posnet0002", assertInstanceOf(HelloRefusedException.class, failure).reason());
            // The ko came in v2: the peer speaks it.
            assertEquals(Optional.of(FrameFormat.V2), memory.recall(new PeerKey("127.0.0.1", server.address().getPort())));
        }
    }

    @Test
    void oneRequestInFlightAtATimeAndATimeoutEndsTheSession() throws Exception {
        try (LoopbackServer server = server()) {
            ClientSession session = await(client(Duration.ofMillis(400)).open(server.address(), OUR_HELLO));
            server.node.serving = new CompletableFuture<>();
            CompletableFuture<Command> first = session.request(Command.newBuilder().setCommand(Type.status).build());
            CompletableFuture<Command> second = session.request(Command.newBuilder().setCommand(Type.getround).build());
            assertInstanceOf(IllegalStateException.class, failureOf(second));
            assertInstanceOf(TimeoutException.class, failureOf(first));
            await(session.closed());
            assertFalse(session.isOpen());
        }
    }

    @Test
    void cliClientsAnnounceTheirConventionalPort() throws Exception {
        try (LoopbackServer server = server()) {
            HelloString cli = new HelloString("posnet0002", HelloString.CLIENT_PORT, FakeNode.ADDRESS_1);
            ClientSession session = await(client(Duration.ofSeconds(5)).open(server.address(), cli));
            assertTrue(server.registry.find(Direction.INBOUND, PeerKey.parse("127.0.0.1:00101")).isPresent());
            assertEquals(FakeNode.STATUS_JSON,
                    await(session.request(Command.newBuilder().setCommand(Type.status).build())).getStringValue());
            session.close();
        }
    }

    @Test
    void pushesABlockAsFirstAndOnlyMessage() throws Exception {
        try (LoopbackServer server = server()) {
            server.node.registeredIps.add("127.0.0.1");
            Command push = Command.newBuilder().setCommand(Type.block)
                    .addBlockValue(ChainProtos.toProto(server.node.chain.get(1))).build();
            await(client(Duration.ofSeconds(5)).pushBlock(server.address(), push));
            assertEquals("blocksPushed 127.0.0.1 1", server.node.callQueue.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(1, server.node.pushed.get(0).height());
        }
    }

    @Test
    void testRequestGetsItsEcho() throws Exception {
        try (LoopbackServer server = server()) {
            server.node.registeredIps.add("127.0.0.1");
            Command request = Command.newBuilder().setCommand(Type.test).addTxValues(TX.newBuilder()
                    .setTxid(ByteString.EMPTY).setBlockHeight(0).setTimestamp(1_700_000_000)
                    .setSender(FakeNode.ADDRESS_1).setRecipient(FakeNode.ADDRESS_0).setWhat(202).setValue(0)
                    .setParams("TEST:1").setPubkey(ByteString.EMPTY)).build();
            assertEquals(request, await(client(Duration.ofSeconds(5)).test(server.address(), request)));
        }
    }

    @Test
    void connectionsLeaveFromTheConfiguredLocalAddress() throws Exception {
        try (LoopbackServer server = server()) {
            server.node.registeredIps.add("127.0.0.7");
            ClientSettings settings = new ClientSettings(FrameSettings.defaults(Network.MAINNET), Duration.ofSeconds(2),
                    Duration.ofSeconds(5)).withLocalAddress(InetAddress.getByName("127.0.0.7"));
            PeerClient client = new PeerClient(group, settings, memory, Clock.systemUTC());

            ClientSession session = await(client.open(server.address(), OUR_HELLO));
            assertTrue(server.registry.find(Direction.INBOUND, PeerKey.parse("127.0.0.7:07070")).isPresent());
            assertFalse(server.registry.find(Direction.INBOUND, PeerKey.parse("127.0.0.1:07070")).isPresent());
            session.close();

            Command push = Command.newBuilder().setCommand(Type.block)
                    .addBlockValue(ChainProtos.toProto(server.node.chain.get(2))).build();
            await(client.pushBlock(server.address(), push));
            assertEquals("blocksPushed 127.0.0.7 1", server.node.callQueue.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void aRefusedConnectIsNotRetriedInLegacy() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        InetSocketAddress nobody = new InetSocketAddress("127.0.0.1", closedPort);
        assertInstanceOf(ConnectException.class, failureOf(client(Duration.ofSeconds(5)).open(nobody, OUR_HELLO)));
        assertEquals(Optional.empty(), memory.recall(new PeerKey("127.0.0.1", closedPort)));
    }
}
