package org.hn.node.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two nodes on loopback agreeing on {@code posnet0005}, and the fallback to a legacy peer ({@code docs/protocol.md §3}). */
class AuthenticatedHelloClientTest {

    /** Our node: key 1, listening on 7070; the loopback server is key 0 ({@link FakeNode#ADDRESS_0}) on 6969. */
    private static final HelloString OUR_HELLO = new HelloString("posnet0002", 7070, FakeNode.ADDRESS_1);
    private static final long WAIT_SECONDS = 20;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final FramingMemory framings = new FramingMemory();
    private final PosnetMemory posnets = new PosnetMemory();

    @AfterEach
    void shutdown() throws InterruptedException {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private PeerClient client() {
        return new PeerClient(group, new ClientSettings(FrameSettings.defaults(Network.MAINNET), Duration.ofSeconds(2),
                Duration.ofSeconds(5)), framings, Clock.systemUTC(), FakeNode.key(1), posnets);
    }

    private static LoopbackServer server() throws InterruptedException {
        return new LoopbackServer(ServerSettings.defaults(Network.MAINNET), Set.of(), 2);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void twoNodesAgreeOnPosnet0005() throws Exception {
        try (LoopbackServer server = server()) {
            server.node.registrations.put(FakeNode.ADDRESS_1, "127.0.0.1");
            ClientSession session = await(client().open(server.address(), OUR_HELLO));
            assertEquals("posnet000506969" + FakeNode.ADDRESS_0, session.peerHelloText());
            assertEquals(FrameFormat.V2, session.framing());
            assertEquals("posnet0005", server.registry.find(Direction.INBOUND, PeerKey.parse("127.0.0.1:07070"))
                    .orElseThrow().peerHello().posnet());
            Command height = await(session.request(Command.newBuilder().setCommand(Type.height)
                    .setHeightValue(ChainProtos.toProto(server.node.tip())).build()));
            assertEquals(2, height.getHeightValue().getHeight());
            assertFalse(posnets.isLegacyOnly(session.peer()));
            session.close();
        }
    }

    @Test
    void aLegacyPeerIsGreetedWithPosnet0002AfterItsKoAndFromThenOn() throws Exception {
        try (LegacyOnlyPeer peer = new LegacyOnlyPeer(false)) {
            PeerClient client = client();
            ClientSession session = await(client.open(peer.address(), OUR_HELLO));
            assertEquals(LegacyOnlyPeer.HELLO, session.peerHelloText());
            assertEquals(FrameFormat.LEGACY, session.framing());
            // v2 posnet0005 (dropped), legacy posnet0005 (ko "Bad Posnet posnet0005"), legacy posnet0002.
            assertEquals(3, peer.connections.get());
            assertTrue(posnets.isLegacyOnly(session.peer()));
            assertEquals(LegacyOnlyPeer.STATUS,
                    await(session.request(Command.newBuilder().setCommand(Type.status).build())).getStringValue());
            session.close();

            ClientSession again = await(client.open(peer.address(), OUR_HELLO));
            assertEquals(LegacyOnlyPeer.HELLO, again.peerHelloText());
            assertEquals(4, peer.connections.get());
            again.close();
        }
    }

    @Test
    void aRefusedProofIsNotAFallback() throws Exception {
        try (LoopbackServer server = server()) {
            Throwable failure = failureOf(client().open(server.address(), OUR_HELLO));
            assertEquals("Address not registered", assertInstanceOf(HelloRefusedException.class, failure).reason());
            assertEquals(Optional.empty(), server.registry.find(Direction.INBOUND, PeerKey.parse("127.0.0.1:07070")));
            assertFalse(posnets.isLegacyOnly(new PeerKey("127.0.0.1", server.address().getPort())));
        }
    }

    @Test
    void aServerWhoseKeyIsNotItsAddressIsRefusedByTheClient() throws Exception {
        try (LoopbackServer server = server()) {
            server.node.registrations.put(FakeNode.ADDRESS_1, "127.0.0.1");
            server.node.ownHello = new HelloString("posnet0002", 6969, FakeNode.ADDRESS_1);   // signs with key 0
            Throwable failure = failureOf(client().open(server.address(), OUR_HELLO));
            assertTrue(assertInstanceOf(HelloRefusedException.class, failure).reason()
                    .startsWith("server hello proof: KEY_NOT_ADDRESS"), failure.getMessage());
            // The client never sent its proof, so the server registered nobody.
            assertEquals(0, server.registry.connectedCount());
        }
    }

    @Test
    void aHelloWhoseAddressIsNotOurKeysIsRefusedBeforeConnecting() {
        HelloString notOurs = new HelloString("posnet0002", 7070, FakeNode.ADDRESS_0);
        Throwable failure = failureOf(client().open(new java.net.InetSocketAddress("127.0.0.1", 1), notOurs));
        assertInstanceOf(IllegalArgumentException.class, failure);
    }
}
