package org.hn.node.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hn.chain.block.Genesis;
import org.hn.chain.wallet.PosWallet;
import org.hn.config.Network;
import org.hn.config.settings.Settings;
import org.hn.node.cli.HnRun;
import org.hn.node.daemon.NodeDaemon;
import org.hn.node.devnet.Devnet;
import org.hn.node.devnet.DevnetNode;
import org.hn.node.server.RawPeer;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The client commands against a two-node devnet run in this JVM on ports 18100–18101 (127.0.0.1 and 127.0.0.2). The
 * nodes are pointed at a missing PoW ledger: they listen and answer but never start a round, so every answer is
 * known in advance and no test waits for time to pass.
 */
class QueryCommandsDevnetTest {

    private static final int BASE_PORT = 18100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Devnet devnet;
    private static NodeDaemon node0;
    private static NodeDaemon node1;

    @BeforeAll
    static void start() throws Exception {
        devnet = Devnet.create(dir.resolve("devnet"), 2, BASE_PORT, Clock.systemUTC());
        devnet.close();
        node0 = daemon(devnet.nodes().get(0));
        node1 = daemon(devnet.nodes().get(1));
        awaitPowNotSync(0);
        awaitPowNotSync(1);
    }

    /** A node is in START until its first manager iteration finds the PoW ledger missing (after WAIT seconds). */
    private static void awaitPowNotSync(int index) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (HnRun.of("status", "--data", data(index), "--json").exit() != 4) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("node" + index + " never reported POW_NOT_SYNC");
            }
            Thread.sleep(200);
        }
    }

    private static NodeDaemon daemon(DevnetNode node) throws Exception {
        Settings settings = Settings.load(node.dir().resolve(Settings.OPERATOR_FILE), Map.of(),
                Map.of("POW_LEDGER_DB", dir.resolve("no-ledger.db").toString()));
        return NodeDaemon.start(node.dir(), settings, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (node0 != null) {
            node0.close();
        }
        if (node1 != null) {
            node1.close();
        }
    }

    private static String data(int index) {
        return devnet.nodes().get(index).dir().toString();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void statusAnswersWithTheNodesStatusAndExits4WhileThePowSourceIsMissing() throws Exception {
        HnRun run = HnRun.of("status", "--data", data(0), "--json");
        assertEquals(4, run.exit(), run.err());
        assertEquals("hn status: the PoW source is not synced (state POW_NOT_SYNC)\n", run.err());
        JsonNode status = JSON.readTree(run.out());
        assertEquals(devnet.nodes().get(0).address(), status.at("/config/address").asText());
        assertEquals(BASE_PORT, status.at("/config/port").asInt());
        assertEquals("POW_NOT_SYNC", status.at("/state/state").asText());
        assertEquals(0, status.at("/chain/block_height").asInt());
        assertEquals(Genesis.of(Network.DEVNET).forger(), status.at("/chain/Genesis").asText());
        assertTrue(status.at("/client/rtt").isNumber());
        assertEquals(1, run.out().lines().count(), "one JSON document on one line");

        HnRun second = HnRun.of("status", "--data", data(1));
        assertEquals(4, second.exit());
        assertTrue(second.out().startsWith("node     " + devnet.nodes().get(1).address() + " port " + (BASE_PORT + 1)),
                second.out());
        assertTrue(second.out().contains("\nhealth   UNHEALTHY: the PoW source is not synced (state POW_NOT_SYNC)\n"),
                second.out());
    }

    @Test
    void heightsRoundAndBlocksAnswer() throws Exception {
        HnRun heights = HnRun.of("heights", "--data", data(0), "--json");
        assertEquals(new HnRun(0, "{}\n", ""), heights);
        HnRun round = HnRun.of("round", "--data", data(1), "--json");
        assertEquals(new HnRun(0, "{\"start\": 0, \"previous\": 0, \"connect_to\": [], \"slots\": null, \"test_slots\": null}\n",
                ""), round);
        assertEquals(new HnRun(5, "false\n", "hn round: round 3 is not recorded by this node\n"),
                HnRun.of("round", "3", "--data", data(1), "--json"));
        HnRun genesis = HnRun.of("block", "0", "--data", data(0), "--json");
        assertEquals(0, genesis.exit(), genesis.err());
        JsonNode block = JSON.readTree(genesis.out());
        assertEquals(Genesis.of(Network.DEVNET).blockHashHex(), block.get("block_hash").asText());
        assertEquals(0, block.get("height").asInt());
        assertEquals(new HnRun(5, "false\n", "hn block: no block at height 1\n"), HnRun.of("block", "1", "--data", data(0),
                "--json"));
        assertEquals(new HnRun(0, "the mempool is empty\n", ""), HnRun.of("mempool", "--data", data(0)));
    }

    @Test
    void peersHeadersTxsAndHypernodesAnswer() throws Exception {
        // node1: the reference client flow's legacy session to node0 may still be closing when this runs
        assertEquals(new HnRun(0, "{\"connected_count\": 0, \"net_height\": null, \"peers\": []}\n", ""),
                HnRun.of("peers", "--data", data(1), "--json"));
        HnRun headers = HnRun.of("headers", "--data", data(0), "--json");
        assertEquals(0, headers.exit(), headers.err());
        JsonNode genesis = JSON.readTree(headers.out());
        assertEquals(1, genesis.size());
        assertEquals(Genesis.of(Network.DEVNET).blockHashHex(), genesis.get(0).get("block_hash").asText());
        assertEquals(JSON.readTree("[]"), genesis.get(0).get("txs"));
        assertEquals(new HnRun(5, "false\n", "hn tx: no message " + "00".repeat(64) + "\n"),
                HnRun.of("tx", "00".repeat(64), "--data", data(0), "--json"));
        assertEquals(new HnRun(0, "[]\n", ""), HnRun.of("addtxs", devnet.nodes().get(1).address(), "--data", data(0), "--json"));
        assertEquals(new HnRun(0, "[]\n", ""), HnRun.of("hypernodes", "--data", data(0), "--json"));
        HnRun badAddress = HnRun.of("addtxs", "nonsense", "--data", data(0));
        assertEquals(new HnRun(3, "", "hn addtxs: 127.0.0.1:" + BASE_PORT + " refused the getaddtxs: Bad address\n"),
                badAddress);
    }

    @Test
    void aFreshTokenIsAcceptedAndBadOnesAreRefusedWithExit3() throws Exception {
        HnRun created = HnRun.of("token", "create", "--data", data(0), "--scope", "read");
        assertEquals(0, created.exit(), created.err());
        String token = lastLine(created.out());
        assertEquals(new HnRun(0, "{}\n", ""), HnRun.of("heights", "--data", data(0), "--token", token, "--json"));
        assertEquals(new HnRun(0, "{}\n", ""), HnRun.of("heights", "--node", "127.0.0.1:" + BASE_PORT, "--network", "devnet",
                "--token", token, "--json"));

        HnRun malformed = HnRun.of("heights", "--data", data(0), "--token", "not.a.token", "--json");
        assertEquals(new HnRun(3, "", "hn heights: 127.0.0.1:" + BASE_PORT + " refused the token: token malformed\n"),
                malformed);

        String foreign = lastLine(HnRun.of("token", "create", "--data", data(1), "--scope", "read").out());
        assertEquals(new HnRun(3, "", "hn heights: 127.0.0.1:" + BASE_PORT
                + " refused the token: token not issued by this node\n"),
                HnRun.of("heights", "--data", data(0), "--token", foreign, "--json"));

        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        HnRun old = HnRun.of(new CommandLine(new TokenCommand(twoHoursAgo)), "create", "--data", data(0), "--scope", "read",
                "--ttl", "1h");
        assertEquals(0, old.exit(), old.err());
        assertEquals(new HnRun(3, "", "hn heights: 127.0.0.1:" + BASE_PORT + " refused the token: token expired\n"),
                HnRun.of("heights", "--data", data(0), "--token", lastLine(old.out()), "--json"));
    }

    @Test
    void mistakesFromTheOperatorsLoopbackNeverGetItBanned() {
        // five refusals of 20 points each ban any other IP (100 points, banned at 0)
        for (int i = 0; i < 5; i++) {
            assertEquals(3, HnRun.of("heights", "--data", data(1), "--token", "garbage" + i).exit());
        }
        assertEquals(new HnRun(0, "{}\n", ""), HnRun.of("heights", "--data", data(1), "--json"));
    }

    @Test
    void anUnreachableNodeExits2WithNothingOnStdout() {
        HnRun run = HnRun.of("status", "--node", "127.0.0.1:" + (BASE_PORT + 99), "--json", "--timeout", "2");
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("hn status: cannot connect to 127.0.0.1:" + (BASE_PORT + 99) + ": "), run.err());
    }

    /** The v2 hello in mainnet's magic is closed at once; the legacy retry is refused for its mainnet address. */
    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void aClientOfAnotherNetworkIsRefusedAtOnce() {
        HnRun run = HnRun.of("status", "--node", "127.0.0.1:" + BASE_PORT, "--network", "mainnet", "--json");
        assertEquals(3, run.exit(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void theReferenceClientFlowIsAnsweredFromLoopback() throws Exception {
        DevnetNode node = devnet.nodes().get(0);
        // spec/client.md §2: legacy framing, hello posnet + 00101 + a PoS address, then status
        String hello = "posnet0002" + "00101" + devnet.nodes().get(1).address();
        try (RawPeer client = new RawPeer(new InetSocketAddress("127.0.0.1", BASE_PORT), 10_000)) {
            client.write(RawPeer.legacyFrame(Command.newBuilder().setCommand(Type.hello).setStringValue(hello).build()
                    .toByteArray()));
            Command answer = client.readLegacy();
            assertEquals(Type.hello, answer.getCommand());
            assertEquals("posnet0002" + BASE_PORT + node.address(), answer.getStringValue());
            client.write(RawPeer.legacyFrame(Command.newBuilder().setCommand(Type.status).build().toByteArray()));
            Command status = client.readLegacy();
            assertEquals(Type.status, status.getCommand());
            assertEquals(node.address(), JSON.readTree(status.getStringValue()).at("/config/address").asText());
        }
    }

    @Test
    void keygenCreatesAWalletOnceAndNeverOverwrites() throws Exception {
        Path fresh = dir.resolve("fresh");
        HnRun created = HnRun.of("keygen", "--data", fresh.toString(), "--network", "devnet");
        assertEquals(0, created.exit(), created.err());
        Path file = fresh.resolve(PosWallet.FILE_NAME);
        PosWallet wallet = PosWallet.read(file, Network.DEVNET.networkId());
        assertEquals(wallet.address(), lastLine(created.out()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String before = Files.readString(file);
        HnRun again = HnRun.of("keygen", "--data", fresh.toString(), "--network", "devnet");
        assertEquals(new HnRun(1, "", "hn keygen: " + file + " exists already; a wallet is never overwritten\n"), again);
        assertEquals(before, Files.readString(file));
    }

    @Test
    void queriesNeverCreateAWallet() {
        Path empty = dir.resolve("empty");
        assertTrue(empty.toFile().mkdirs());
        HnRun run = HnRun.of("heights", "--data", empty.toString(), "--node", "127.0.0.1:" + BASE_PORT, "--network", "devnet",
                "--json");
        assertEquals(new HnRun(0, "{}\n", ""), run, "no secret in the directory: a token-less loopback client");
        assertTrue(Files.notExists(empty.resolve(PosWallet.FILE_NAME)));
    }
}
