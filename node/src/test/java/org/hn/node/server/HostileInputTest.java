package org.hn.node.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hn.config.Network;
import org.hn.node.peers.Misbehaviour;
import org.hn.node.wire.WireVectors;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input against a real server on loopback, while a legitimate reference-style client
 * (legacy framing, hello with port 00101) keeps being served. 127.0.0.1 is a static peer here so that the
 * attacks, which come from the same IP, do not ban the legitimate client.
 */
class HostileInputTest {

    private static final int READ_TIMEOUT_MILLIS = 3000;
    private static final String CLI_HELLO = "posnet000200101" + FakeNode.ADDRESS_1;
    /** The reference's status request frame (vectors: other_commands "status"). */
    private static final byte[] STATUS_FRAME = HexFormat.of().parseHex("000000020805");

    private LoopbackServer server;
    private RawPeer legit;

    private static ServerSettings settings(Duration handshakeTimeout) {
        return ServerSettings.defaults(Network.MAINNET).withTimeouts(handshakeTimeout, Duration.ofSeconds(90))
                .withConnectionLimits(200, 200);
    }

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(settings(Duration.ofSeconds(10)), Set.of("127.0.0.1"), 2);
        legit = helloedReferenceClient(server);
    }

    @AfterEach
    void stop() throws Exception {
        legit.close();
        server.close();
    }

    private static RawPeer helloedReferenceClient(LoopbackServer server) throws IOException {
        RawPeer client = new RawPeer(server.address(), READ_TIMEOUT_MILLIS);
        client.write(RawPeer.legacyFrame(hello(CLI_HELLO).toByteArray()));
        assertEquals(hello(server.node.ownHello.text()), client.readLegacy());
        return client;
    }

    private static Command hello(String text) {
        return Command.newBuilder().setCommand(Type.hello).setStringValue(text).build();
    }

    private void assertLegitStillServed() throws IOException {
        legit.write(STATUS_FRAME);
        Command answer = legit.readLegacy();
        assertEquals(Type.status, answer.getCommand());
        assertEquals(FakeNode.STATUS_JSON, answer.getStringValue());
    }

    @Test
    void referenceClientFlowGetsTheStatusJson() throws IOException {
        try (RawPeer client = new RawPeer(server.address(), READ_TIMEOUT_MILLIS)) {
            // The reference client's hello frame with port 00101 (vectors: hello[2]).
            client.write(WireVectors.bytes(WireVectors.wire().get("hello").get(2).get("framed_hex").asText()));
            assertEquals(hello(server.node.ownHello.text()), client.readLegacy());
            client.write(STATUS_FRAME);
            byte[] json = FakeNode.STATUS_JSON.getBytes(StandardCharsets.US_ASCII);
            // status answer: 08 05 (command = status) 12 <len> <json> (string_value), in a legacy frame.
            byte[] expected = ByteBuffer.allocate(4 + 4 + json.length).putInt(4 + json.length)
                    .put(new byte[] {0x08, 0x05, 0x12, (byte) json.length}).put(json).array();
            assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(client.readLegacyFrame()));
        }
    }

    @Test
    void aHeaderAndPayloadSplitIntoOneByteWritesAreServed() throws IOException {
        try (RawPeer slow = new RawPeer(server.address(), READ_TIMEOUT_MILLIS)) {
            slow.writeBytewise(RawPeer.legacyFrame(hello(CLI_HELLO).toByteArray()));
            assertEquals(Type.hello, slow.readLegacy().getCommand());
            slow.writeBytewise(STATUS_FRAME);
            assertEquals(FakeNode.STATUS_JSON, slow.readLegacy().getStringValue());
        }
        assertLegitStillServed();
    }

    @Test
    void seventyKilobytesOfGarbageAreCutOff() throws IOException {
        try (RawPeer attacker = new RawPeer(server.address(), READ_TIMEOUT_MILLIS)) {
            byte[] garbage = new byte[70 * 1024];
            Arrays.fill(garbage, (byte) 0xff);
            attacker.writeUntilRefused(garbage);
            assertTrue(attacker.closedByServer());
        }
        assertLegitStillServed();
    }

    @Test
    void lengthsOfHundredsOfMegabytesAreRefusedBeforeBuffering() throws IOException {
        try (RawPeer legacy = new RawPeer(server.address(), READ_TIMEOUT_MILLIS)) {
            legacy.write(ByteBuffer.allocate(4).putInt(500 * 1024 * 1024).array());
            assertTrue(legacy.closedByServer());
        }
        try (RawPeer v2 = new RawPeer(server.address(), READ_TIMEOUT_MILLIS)) {
            v2.write(ByteBuffer.allocate(12).put(RawPeer.MAINNET_MAGIC).putInt(300 * 1024 * 1024).putInt(0).array());
            assertTrue(v2.closedByServer());
        }
        assertLegitStillServed();
    }

    @Test
    void randomBytesAsProtobufCloseTheConnection() throws IOException {
        Random random = new Random(20261123L);
        for (int attempt = 0; attempt < 10; attempt++) {
            byte[] payload = new byte[16 + random.nextInt(200)];
            random.nextBytes(payload);
            try (RawPeer attacker = new RawPeer(server.address(), READ_TIMEOUT_MILLIS)) {
                attacker.writeUntilRefused(RawPeer.legacyFrame(payload));
                assertTrue(attacker.closedByServer(), "payload " + attempt);
            }
        }
        assertLegitStillServed();
    }

    @Test
    void aCommandBeforeHelloGetsKoThenClose() throws IOException {
        try (RawPeer early = new RawPeer(server.address(), READ_TIMEOUT_MILLIS)) {
            early.write(STATUS_FRAME);
            // ko (08 02) with string_value "Did not say hello" (12 11 + 17 ASCII bytes): 21-byte payload.
            assertEquals("00000015" + "0802" + "1211" + "446964206e6f74207361792068656c6c6f",
                    HexFormat.of().formatHex(early.readLegacyFrame()));
            assertTrue(early.closedByServer());
        }
        assertLegitStillServed();
    }

    @Test
    void aDisallowedPosnetGetsTheReferenceKo() throws IOException {
        try (RawPeer outdated = new RawPeer(server.address(), READ_TIMEOUT_MILLIS)) {
            outdated.write(RawPeer.legacyFrame(hello("posnet000106969" + FakeNode.ADDRESS_1).toByteArray()));
            String koWithReason = null;
            for (var command : WireVectors.wire().get("other_commands")) {
                if (command.get("name").asText().equals("ko with reason")) {
                    koWithReason = command.get("framed_hex").asText();
                }
            }
            assertEquals(koWithReason, HexFormat.of().formatHex(outdated.readLegacyFrame()));
            assertTrue(outdated.closedByServer());
        }
        assertLegitStillServed();
    }

    @Test
    void aV2FrameWithABadChecksumIsDroppedAndTheNextRequestAnswered() throws IOException {
        try (RawPeer v2 = new RawPeer(server.address(), READ_TIMEOUT_MILLIS)) {
            v2.write(RawPeer.v2Frame(hello(CLI_HELLO).toByteArray()));
            assertEquals(hello(server.node.ownHello.text()), v2.readV2());
            byte[] corrupted = RawPeer.v2Frame(Command.newBuilder().setCommand(Type.getround).build().toByteArray());
            corrupted[8] ^= 0x01;
            v2.write(corrupted);
            v2.write(RawPeer.v2Frame(Command.newBuilder().setCommand(Type.status).build().toByteArray()));
            // Only the intact status is answered: the getround was dropped.
            Command answer = v2.readV2();
            assertEquals(Type.status, answer.getCommand());
            assertEquals(FakeNode.STATUS_JSON, answer.getStringValue());
            assertFalse(server.node.calls.contains("roundJson"));
        }
        assertEquals(100 - Misbehaviour.CHECKSUM_MISMATCH.weight(), server.scores.score("127.0.0.1"));
        assertLegitStillServed();
    }

    @Test
    void sixtyStalledConnectionsDoNotDelayALegitimateRequest() throws Exception {
        try (LoopbackServer shortHandshake = new LoopbackServer(settings(Duration.ofSeconds(1)), Set.of("127.0.0.1"), 2)) {
            List<RawPeer> stalled = new ArrayList<>();
            try {
                for (int connection = 0; connection < 60; connection++) {
                    RawPeer staller = new RawPeer(shortHandshake.address(), READ_TIMEOUT_MILLIS);
                    staller.write(new byte[] {0, 0});
                    stalled.add(staller);
                }
                assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
                    try (RawPeer client = helloedReferenceClient(shortHandshake)) {
                        client.write(STATUS_FRAME);
                        assertEquals(FakeNode.STATUS_JSON, client.readLegacy().getStringValue());
                    }
                });
                // The handshake timeout (1 s) then sheds every staller.
                for (RawPeer staller : stalled) {
                    assertTrue(staller.closedByServer());
                }
            } finally {
                for (RawPeer staller : stalled) {
                    staller.close();
                }
            }
        }
        assertLegitStillServed();
    }
}
