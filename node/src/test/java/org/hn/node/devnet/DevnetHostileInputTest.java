package org.hn.node.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hn.config.Network;
import org.hn.node.server.RawPeer;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real devnet node keeps serving a legitimate reference-style client (legacy framing, hello posnet0002 with port
 * 00101, then {@code status}) from loopback during and after each kind of hostile input (issue 4). Every attacker
 * connects from its own loopback address so that its score and bans stay its own.
 */
class DevnetHostileInputTest {

    private static final int READ_TIMEOUT_MILLIS = 3000;
    private static final byte[] STATUS_FRAME = HexFormat.of().parseHex("000000020805");
    private static final byte[] DEVNET_MAGIC = Network.DEVNET.frameMagic();

    @TempDir
    Path directory;

    private InetSocketAddress node0;
    private String clientHello;
    private int attackers;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aDevnetNodeServesTheReferenceClientThroughHostileInput() throws Exception {
        try (Devnet devnet = Devnet.create(directory.resolve("devnet"), 2, 17500, Clock.systemUTC())) {
            devnet.startNodes(List.of("-Xmx128m"));
            DevnetNode first = devnet.nodes().get(0);
            node0 = new InetSocketAddress(first.ip(), first.port());
            clientHello = "posnet000200101" + devnet.nodes().get(1).address();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Files.exists(first.statusFile()) && System.currentTimeMillis() < deadline) {
                devnet.appendPowBlocks();
                Thread.sleep(200);
            }
            try (RawPeer legit = helloedClient()) {
                assertStatusServed(legit);

                try (RawPeer slow = new RawPeer(node0, READ_TIMEOUT_MILLIS, InetAddress.getByName("127.0.0.1"))) {
                    slow.writeBytewise(RawPeer.legacyFrame(hello(clientHello).toByteArray()));
                    assertEquals(Type.hello, slow.readLegacy().getCommand());
                    slow.writeBytewise(STATUS_FRAME);
                    assertEquals(Type.status, slow.readLegacy().getCommand());
                }
                assertStatusServed(legit);

                try (RawPeer attacker = attacker()) {
                    byte[] garbage = new byte[70 * 1024];
                    Arrays.fill(garbage, (byte) 0xff);
                    attacker.writeUntilRefused(garbage);
                    assertTrue(attacker.closedByServer(), "70 KB of garbage");
                }
                assertStatusServed(legit);

                try (RawPeer attacker = attacker()) {
                    attacker.write(ByteBuffer.allocate(4).putInt(500 * 1024 * 1024).array());
                    assertTrue(attacker.closedByServer(), "a legacy length of 500 MB");
                }
                try (RawPeer attacker = attacker()) {
                    attacker.write(ByteBuffer.allocate(12).put(DEVNET_MAGIC).putInt(300 * 1024 * 1024).putInt(0).array());
                    assertTrue(attacker.closedByServer(), "a v2 length of 300 MB");
                }
                assertStatusServed(legit);

                Random random = new Random(20261123L);
                for (int attempt = 0; attempt < 5; attempt++) {
                    byte[] payload = new byte[16 + random.nextInt(200)];
                    random.nextBytes(payload);
                    try (RawPeer attacker = attacker()) {
                        attacker.writeUntilRefused(RawPeer.legacyFrame(payload));
                        assertTrue(attacker.closedByServer(), "random protobuf " + attempt);
                    }
                }
                assertStatusServed(legit);

                try (RawPeer early = attacker()) {
                    early.write(STATUS_FRAME);
                    Command ko = early.readLegacy();
                    assertEquals(Type.ko, ko.getCommand());
                    assertEquals("Did not say hello", ko.getStringValue());
                    assertTrue(early.closedByServer());
                }
                try (RawPeer outdated = attacker()) {
                    outdated.write(RawPeer.legacyFrame(hello("posnet0001" + clientHello.substring(10)).toByteArray()));
                    Command ko = outdated.readLegacy();
                    assertEquals(Type.ko, ko.getCommand());
                    assertEquals("Bad Posnet posnet0001", ko.getStringValue());
                    assertTrue(outdated.closedByServer());
                }
                assertStatusServed(legit);

                try (RawPeer v2 = new RawPeer(node0, READ_TIMEOUT_MILLIS, InetAddress.getByName("127.0.0.1"))) {
                    v2.write(RawPeer.v2Frame(DEVNET_MAGIC, hello(clientHello).toByteArray()));
                    assertEquals(Type.hello, v2.readV2(DEVNET_MAGIC).getCommand());
                    byte[] corrupted = RawPeer.v2Frame(DEVNET_MAGIC,
                            Command.newBuilder().setCommand(Type.getround).build().toByteArray());
                    corrupted[8] ^= 0x01;
                    v2.write(corrupted);
                    v2.write(RawPeer.v2Frame(DEVNET_MAGIC, Command.newBuilder().setCommand(Type.status).build().toByteArray()));
                    assertEquals(Type.status, v2.readV2(DEVNET_MAGIC).getCommand(), "the request after a bad checksum");
                }
                assertStatusServed(legit);

                List<RawPeer> stalled = new ArrayList<>();
                try {
                    for (int i = 0; i < 60; i++) {
                        RawPeer staller = new RawPeer(node0, READ_TIMEOUT_MILLIS,
                                InetAddress.getByName("127.0.1." + (10 + i)));
                        staller.write(new byte[] {0, 0});
                        stalled.add(staller);
                    }
                    assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
                        try (RawPeer fresh = helloedClient()) {
                            assertStatusServed(fresh);
                        }
                    });
                } finally {
                    for (RawPeer staller : stalled) {
                        staller.close();
                    }
                }
                assertStatusServed(legit);
            }
        }
    }

    private RawPeer attacker() throws IOException {
        attackers++;
        return new RawPeer(node0, READ_TIMEOUT_MILLIS, InetAddress.getByName("127.0.0." + (100 + attackers)));
    }

    private RawPeer helloedClient() throws IOException {
        RawPeer client = new RawPeer(node0, READ_TIMEOUT_MILLIS, InetAddress.getByName("127.0.0.1"));
        client.write(RawPeer.legacyFrame(hello(clientHello).toByteArray()));
        assertEquals(Type.hello, client.readLegacy().getCommand());
        return client;
    }

    private static void assertStatusServed(RawPeer client) throws IOException {
        client.write(STATUS_FRAME);
        Command answer = client.readLegacy();
        assertEquals(Type.status, answer.getCommand());
        assertTrue(answer.getStringValue().startsWith("{\"config\": {"), answer.getStringValue());
    }

    private static Command hello(String text) {
        return Command.newBuilder().setCommand(Type.hello).setStringValue(text).build();
    }
}
