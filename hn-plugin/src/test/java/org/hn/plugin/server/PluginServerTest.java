package org.hn.plugin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.BooleanNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hn.config.Network;
import org.hn.plugin.FixtureSnapshots;
import org.hn.plugin.snapshot.SnapshotDirectory;
import org.hn.pow.fixture.ReferenceLedgerFixture;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.PowLedgerUnavailableException.Reason;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.pow.socket.LegacyFrame;
import org.hn.pow.socket.PowNodeClient;
import org.hn.pow.socket.PowRegistration;
import org.hn.registry.Hypernode;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationFold;
import org.hn.registry.registration.RegistrationState;
import org.hn.registry.registration.RuleProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The existing PoW node client against the companion's server on loopback ({@code spec/pow.md §9.1, §9.4}). */
class PluginServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path directory;
    static RegistrationFold fold;
    static SnapshotDirectory snapshots;
    static PluginServer server;
    static InetSocketAddress address;
    static PowNodeClient client;

    @BeforeAll
    static void start() throws Exception {
        SqlitePowLedger ledger = new SqlitePowLedger(ReferenceLedgerFixture.build(directory.resolve("ledger.db")));
        fold = RegistrationFold.forNetwork(RuleProfile.COMPAT, Network.MAINNET, ledger);
        snapshots = new SnapshotDirectory(directory.resolve("hnrounds"), 10);
        server = new PluginServer(new PluginCommands(Network.MAINNET, ledger, new RegistrationCache(fold, 8),
                snapshots), TIMEOUT, 8);
        address = server.start(new InetSocketAddress("127.0.0.1", 0));
        client = new PowNodeClient(address, TIMEOUT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<PowRegistration> expectedAt(long height) throws PowLedgerUnavailableException {
        List<PowRegistration> registrations = new ArrayList<>();
        for (Hypernode hypernode : fold.scan(RegistrationState.initial(), height).hypernodes()) {
            registrations.add(new PowRegistration(hypernode.registrar(), hypernode.ip(), hypernode.port(),
                    hypernode.posAddress(), hypernode.rewardAddress(), hypernode.weight(), hypernode.timestamp(),
                    true));
        }
        return registrations;
    }

    /** Sends raw bytes and returns whatever comes back before the server closes. */
    private static byte[] exchange(byte[] request) throws Exception {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            // End of our side, so that a truncated frame ends at once instead of at the read timeout.
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return in.readAllBytes();
        }
    }

    private static byte[] frame(String json) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LegacyFrame.write(bytes, json);
        return bytes.toByteArray();
    }

    @Test
    void pluginVersionIsTheReferencesTextExactly() throws Exception {
        assertEquals("0000000049{\"hn_plugin\": \"0.1.3\", \"ledger_queries\": \"0.0.3\"}",
                new String(exchange(frame("\"HN_plugin_version\"")), StandardCharsets.US_ASCII));
        assertEquals("0.1.3", client.command("HN_plugin_version").get("hn_plugin").textValue());
    }

    @Test
    void coloredListsAndAllowlistOfARoundAreServedToo() throws Exception {
        com.fasterxml.jackson.databind.JsonNode colored = client.command("HN_colored 192");
        assertEquals("[\"198.51.100.1\",\"198.51.100.2\"]", colored.get("white").toString());
        assertEquals(11, colored.size(), "every color");
        assertFalse(colored.get("rainbow").toString().contains("ALLOW_UPDATES_FROM"),
                "the rainbow sent TO the control address is not a colored list");
        assertEquals("[\"198.51.100.1\",\"198.51.100.2\",\"198.51.100.3\",\"198.51.100.4\",\"198.51.100.8\","
                        + "\"198.51.100.11\",\"198.51.100.13\",\"198.51.100.22\",\"198.51.100.23\",\"198.51.100.21\","
                        + "\"198.51.100.10\"]",
                client.command("HN_allowlist 192").toString(), "round 192's registry IPs in registry order");
        assertEquals("false", client.command("HN_allowlist 193").toString(), "round 193 is not confirmed yet");
        assertEquals("false", client.command("HN_colored x").toString());
    }

    @Test
    void lastBlockTimestampIsTheTipsCoinbaseTimestamp() throws Exception {
        assertEquals(new BigDecimal("1535405400"), client.lastBlockTimestamp());
    }

    @Test
    void blockBeforeTimestampAppliesTheConfirmationRule() throws Exception {
        assertEquals(780_100, client.blockBeforeTimestamp(1_535_403_600L));
        assertEquals(780_055, client.command("HN_block_before_ts 1535403599.99").longValue());
        assertEquals(Reason.REFUSED, assertThrows(PowLedgerUnavailableException.class,
                () -> client.blockBeforeTimestamp(1_535_407_200L)).reason());
        assertEquals(0, client.command("HN_block_before_ts soon").intValue());
    }

    @Test
    void registrationsOfARoundAreTheFoldsInOrderComputedOrFromTheSnapshot() throws Exception {
        assertEquals(expectedAt(ReferenceLedgerFixture.REFERENCE_HEIGHT_192),
                client.registrationsOfRound(192, 1_535_403_600L));
        assertEquals(12, expectedAt(ReferenceLedgerFixture.REFERENCE_HEIGHT_191).size());
        assertEquals(expectedAt(ReferenceLedgerFixture.REFERENCE_HEIGHT_191),
                client.registrationsOfRound(191, 1_535_400_000L));
        // On the wire: json.dumps of the §5.6 object, i.e. the indented file's text without its layout.
        String compact = FixtureSnapshots.round192().replaceAll(",\n *", ", ").replaceAll("\\{\n *", "{")
                .replaceAll("\n *}", "}");
        String answer = new String(exchange(frame("\"HN_reg_round 192 1535403600 0 False\"")), StandardCharsets.UTF_8);
        assertEquals(String.format("%010d", compact.length()) + compact, answer);

        // A stored snapshot is served as it is, whatever the reference time asked (as the reference does).
        Files.createDirectories(directory.resolve("hnrounds"));
        Files.writeString(snapshots.path(7), "{\n  \"params\": {\"pos_round\": 7},\n  \"status\": \"No PoW Valid HN.\","
                + "\n  \"regs\": {}\n}");
        assertEquals("0000000070{\"params\": {\"pos_round\": 7}, \"status\": \"No PoW Valid HN.\", \"regs\": {}}",
                new String(exchange(frame("\"HN_reg_round 7 1535403600 0 False\"")), StandardCharsets.US_ASCII));
        assertEquals(List.of(), client.registrationsOfRound(7, 1_535_403_600L));
    }

    @Test
    void roundsUpToTheCheckpointHaveNoRegistration() throws Exception {
        // ref_ts(87) = 1535025600 is block 773800's time: its A6 registration is at the checkpoint, never read (§5.2).
        assertEquals(List.of(), client.registrationsOfRound(87, 1_535_025_600L));
        assertEquals(773_800, client.command("HN_reg_round 87 1535025600 0 False").get("params").get("ref_height")
                .longValue());
        // ref_ts(86) = 1535022000: reference block 773700, below the checkpoint.
        assertEquals("No PoW Valid HN.", client.command("HN_reg_round 86 1535022000 0 false").get("status").textValue());
        assertEquals(773_700, client.command("HN_reg_round 86 1535022000 0 False").get("params").get("ref_height")
                .longValue());
    }

    @Test
    void aLateRoundOrADiagnosticRequestAnswersFalse() throws Exception {
        assertEquals(Reason.REFUSED, assertThrows(PowLedgerUnavailableException.class,
                () -> client.registrationsOfRound(193, 1_535_407_200L)).reason());
        assertEquals(BooleanNode.FALSE, client.command("HN_reg_round 192 1535403600 8000000 False"));
        assertEquals(BooleanNode.FALSE, client.command("HN_reg_round 192 1535403600 0 198.51.100.1"));
        assertEquals(BooleanNode.FALSE, client.command("HN_reg_round 192 1535403600 0"));
        assertEquals(BooleanNode.FALSE, client.command("HN_reg_round x 1535403600 0 False"));
        // The round's start instead of its reference time (the reference's manual test tool does that).
        assertEquals(BooleanNode.FALSE, client.command("HN_reg_round 192 1535407200 0 False"));
    }

    @Test
    void anUnknownCommandIsClosedWithoutAnswer() throws Exception {
        assertEquals(Reason.CONNECTION_FAILED, assertThrows(PowLedgerUnavailableException.class,
                () -> client.command("HN_test")).reason());
        assertEquals(Reason.CONNECTION_FAILED, assertThrows(PowLedgerUnavailableException.class,
                () -> client.command("statusjson")).reason());
    }

    @Test
    void aMalformedOrOversizedFrameClosesOnlyItsConnection() throws Exception {
        try (Socket idle = new Socket(address.getAddress(), address.getPort())) {
            assertEquals(0, exchange("0000100000".getBytes(StandardCharsets.US_ASCII)).length);
            assertEquals(0, exchange("12345abcde\"HN_plugin_version\"".getBytes(StandardCharsets.US_ASCII)).length);
            assertEquals(0, exchange(frame("42")).length);
            assertEquals(0, exchange(frame("[\"HN_plugin_version\"")).length);
            assertEquals(0, exchange("00000000".getBytes(StandardCharsets.US_ASCII)).length);
            // Another connection, and one opened before the bad ones, are still served.
            assertEquals("0.0.3", client.command("HN_plugin_version").get("ledger_queries").textValue());
            LegacyFrame.write(idle.getOutputStream(), "\"HN_last_block_ts\"");
            assertEquals("1535405400", LegacyFrame.read(idle.getInputStream(), 1024));
        }
    }
}
