package org.hn.node.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import org.hn.config.Network;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.junit.jupiter.api.Test;

/** Peer scoring and connection caps over real sockets. */
class PeerBanTest {

    private static final int READ_TIMEOUT_MILLIS = 3000;
    private static final byte[] HELLO_FRAME = RawPeer.legacyFrame(Command.newBuilder().setCommand(Type.hello)
            .setStringValue("posnet000206969" + FakeNode.ADDRESS_1).build().toByteArray());

    /** A legacy header announcing 2 GiB − 1 bytes: breach FRAME_TOO_LARGE (weight 50). */
    private static void breach(LoopbackServer server) throws IOException {
        try (RawPeer attacker = new RawPeer(server.address(), READ_TIMEOUT_MILLIS)) {
            attacker.write(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array());
            assertTrue(attacker.closedByServer());
        }
    }

    private static boolean helloAnswered(LoopbackServer server) throws IOException {
        try (RawPeer peer = new RawPeer(server.address(), READ_TIMEOUT_MILLIS)) {
            peer.write(HELLO_FRAME);
            try {
                return peer.readLegacy().getCommand() == Type.hello;
            } catch (IOException closed) {
                return false;
            }
        }
    }

    @Test
    void repeatedBreachesBanTheIpAndItsNextConnectionIsRefused() throws Exception {
        // One event loop: the ban recorded while handling a breach precedes the next connection's admission.
        try (LoopbackServer server = new LoopbackServer(ServerSettings.defaults(Network.MAINNET), Set.of(), 1)) {
            assertTrue(helloAnswered(server));
            breach(server);
            assertTrue(helloAnswered(server));
            assertEquals(50, server.scores.score("127.0.0.1"));
            breach(server);
            assertFalse(helloAnswered(server));
            assertTrue(server.scores.isBanned("127.0.0.1"));
        }
    }

    @Test
    void aStaticPeerIsNeverBanned() throws Exception {
        try (LoopbackServer server = new LoopbackServer(ServerSettings.defaults(Network.MAINNET), Set.of("127.0.0.1"), 1)) {
            for (int attempt = 0; attempt < 5; attempt++) {
                breach(server);
            }
            assertFalse(server.scores.isBanned("127.0.0.1"));
            assertTrue(helloAnswered(server));
        }
    }

    @Test
    void connectionsAboveThePerIpCapAreRefused() throws Exception {
        ServerSettings settings = ServerSettings.defaults(Network.MAINNET).withConnectionLimits(10, 2)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(90));
        try (LoopbackServer server = new LoopbackServer(settings, Set.of(), 1);
             RawPeer first = new RawPeer(server.address(), READ_TIMEOUT_MILLIS);
             RawPeer second = new RawPeer(server.address(), READ_TIMEOUT_MILLIS)) {
            first.write(HELLO_FRAME);
            assertEquals(Type.hello, first.readLegacy().getCommand());
            second.write(HELLO_FRAME);
            assertEquals(Type.hello, second.readLegacy().getCommand());
            assertFalse(helloAnswered(server));
            assertEquals(100, server.scores.score("127.0.0.1"));
        }
    }
}
