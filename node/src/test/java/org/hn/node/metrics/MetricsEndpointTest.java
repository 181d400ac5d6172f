package org.hn.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hn.chain.testing.TestClock;
import org.hn.config.Network;
import org.hn.config.settings.Settings;
import org.hn.node.daemon.DaemonException;
import org.hn.node.daemon.NodeDaemon;
import org.hn.node.devnet.Devnet;
import org.hn.node.devnet.DevnetNode;
import org.hn.node.server.RawPeer;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.proto.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A devnet node run in-process with its metrics endpoint on, scraped over HTTP: every metric is there, exact where
 * the scenario fixes it. The node's clock stands still in slot 5 of a round, so round, slot, height, forged and
 * missed slots are fixed; a raw legacy peer and a raw attacker make the wire and breach counts exact.
 */
class MetricsEndpointTest {

    /** Ports of this test (the helper range 18600–18699). */
    private static final int BASE_PORT = 18610;
    private static final int METRICS_PORT = 18601;
    private static final int OTHER_METRICS_PORT = 18602;
    private static final int TAKEN_PORT = 18603;
    private static final int LONE_NODE_PORT = 18604;
    /** Pause between scrapes while the node's loops catch up; the wait ends on what the scrape shows. */
    private static final long POLL_MILLIS = 100;
    private static final Network NETWORK = Network.DEVNET;
    private static final long ROUND = NETWORK.roundAt(1_700_000_000L);
    /** Slot 5 of the round, 2 s in (devnet slots are 6 s). */
    private static final long NOW = NETWORK.roundStart(ROUND) + 5 * 6 + 2;

    @TempDir
    Path dir;

    @Test
    void aRunningNodeServesEveryMetricOnLoopbackOnly() throws Exception {
        TestClock clock = new TestClock(NOW);
        try (Devnet devnet = Devnet.create(dir.resolve("devnet"), 3, BASE_PORT, clock)) {
            DevnetNode node = devnet.nodes().get(0);
            DevnetNode impersonated = devnet.nodes().get(1);
            Settings settings = Settings.load(node.dir().resolve(Settings.OPERATOR_FILE), Map.of(),
                    Map.of("METRICS_PORT", Integer.toString(METRICS_PORT), "WAIT", "1"));
            try (NodeDaemon daemon = NodeDaemon.start(node.dir(), settings, clock)) {
                assertEquals(Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), METRICS_PORT)),
                        daemon.metricsAddress(), "loopback unless METRICS_BIND says otherwise");
                InetSocketAddress peerPort = daemon.listenAddress();

                // a reference peer: legacy framing, from node 1's registered IP, saying node 1's hello
                byte[] hello = Commands.withString(Command.Type.hello, new HelloString(Network.LEGACY_POSNETS.get(1),
                        impersonated.port(), impersonated.address()).text()).toByteArray();
                try (RawPeer legacy = new RawPeer(peerPort, 5000, InetAddress.getByName(impersonated.ip()))) {
                    legacy.write(RawPeer.legacyFrame(hello));
                    byte[] answer = legacy.readLegacyPayload();
                    assertEquals(Command.Type.hello, Command.parseFrom(answer).getCommand());

                    // an attacker: two legacy frames announcing 2 GiB, each worth half of its score, the second a ban
                    InetAddress attacker = InetAddress.getByName("127.0.0.9");
                    byte[] oversized = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
                    for (int i = 0; i < 2; i++) {
                        try (RawPeer raw = new RawPeer(peerPort, 5000, attacker)) {
                            raw.write(oversized);
                            assertTrue(raw.closedByServer());
                        }
                    }

                    Map<String, Double> metrics = scrapeUntil(
                            "hn_peer_bans_total{reason=\"frame_too_large\"}", "hn_state{state=\"START\"}");
                    assertEquals(0.0, metrics.get("hn_chain_height"), "a fresh devnet chain is its genesis");
                    assertEquals((double) ROUND, metrics.get("hn_round"));
                    assertEquals(5.0, metrics.get("hn_slot"));
                    assertEquals(1.0, metrics.get("hn_state{state=\"START\"}"),
                            "one peer of the two needed: the node waits in START");
                    assertEquals(1.0, metrics.entrySet().stream().filter(e -> e.getKey().startsWith("hn_state{"))
                            .mapToDouble(Map.Entry::getValue).sum(), "one state at a time");
                    assertEquals(0.0, metrics.get("hn_forged_blocks_total"));
                    assertEquals(0.0, metrics.get("hn_missed_slots_total"), "the clock never left slot 5");
                    assertEquals(1.0, metrics.get("hn_mempool_messages"), "our START message");
                    assertEquals(1.0, metrics.get("hn_peers{direction=\"inbound\",framing=\"legacy\"}"));
                    assertEquals(0.0, metrics.get("hn_peers{direction=\"inbound\",framing=\"v2\"}"));
                    assertEquals(0.0, metrics.get("hn_peers{direction=\"outbound\",framing=\"legacy\"}"));
                    assertEquals(0.0, metrics.get("hn_peers{direction=\"outbound\",framing=\"v2\"}"),
                            "nodes 1 and 2 are not running");
                    assertEquals(1.0, metrics.get("hn_wire_messages_total{command=\"hello\",direction=\"in\"}"));
                    assertEquals((double) hello.length, metrics.get("hn_wire_bytes_total{command=\"hello\",direction=\"in\"}"));
                    assertEquals(1.0, metrics.get("hn_wire_messages_total{command=\"hello\",direction=\"out\"}"));
                    assertEquals((double) answer.length, metrics.get("hn_wire_bytes_total{command=\"hello\",direction=\"out\"}"));
                    assertEquals(2.0, metrics.get("hn_protocol_breaches_total{reason=\"frame_too_large\"}"));
                    assertEquals(1.0, metrics.get("hn_peer_bans_total{reason=\"frame_too_large\"}"));
                    assertEquals(0.0, metrics.get("hn_blocks_digested_total{source=\"pushed\"}"));
                    assertEquals(0.0, metrics.get("hn_blocks_digested_total{source=\"synced\"}"));
                    assertEquals(0.0, metrics.get("hn_syncs_total{outcome=\"succeeded\"}"));
                    assertEquals(0.0, metrics.get("hn_syncs_total{outcome=\"failed\"}"));
                    assertTrue(metrics.get("hn_signature_verifications_total") >= 1,
                            "at least our START message was verified");
                    assertEquals(powTip(devnet.dir().resolve("ledger.db")), metrics.get("hn_pow_ledger_height"));
                    double lag = metrics.get("hn_pow_ledger_lag_seconds");
                    assertTrue(lag >= 0 && lag <= Devnet.POW_BLOCK_INTERVAL.toSeconds(), "lag " + lag);
                    assertEquals((double) Files.size(node.dir().resolve("chain.db-wal")), metrics.get("hn_sqlite_wal_bytes"));
                    assertTrue(metrics.entrySet().stream().anyMatch(e -> e.getKey()
                            .startsWith("jvm_memory_used_bytes{area=\"heap\"") && e.getValue() > 0), "JVM heap in use");
                    assertTrue(metrics.keySet().stream().anyMatch(key -> key.startsWith("jvm_gc_")), "JVM GC");
                }
                assertNotReachableOutsideLoopback(METRICS_PORT);
                assertEquals(404, get("http://127.0.0.1:" + METRICS_PORT + "/other").statusCode());
            }
        }
    }

    @Test
    void theEndpointListensWhereTheOperatorSays() throws Exception {
        try (MetricsServer server = MetricsServer.start(new InetSocketAddress(InetAddress.getByName("0.0.0.0"),
                OTHER_METRICS_PORT), new NodeMetrics())) {
            assertTrue(server.address().getAddress().isAnyLocalAddress());
            Optional<InetAddress> outside = nonLoopbackAddress();
            HttpResponse<String> answer = get("http://" + outside.map(InetAddress::getHostAddress).orElse("127.0.0.1")
                    + ":" + OTHER_METRICS_PORT + MetricsServer.PATH);
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("# TYPE hn_signature_verifications_total counter"), answer.body());
            assertEquals("text/plain; version=0.0.4; charset=utf-8",
                    answer.headers().firstValue("Content-Type").orElseThrow());
        }
    }

    @Test
    void aTakenMetricsPortStopsTheStartWithAClearError() throws Exception {
        Settings settings = Settings.load(null, Map.of(), Map.of("NETWORK", "devnet", "BIND", "127.0.0.1",
                "PORT", Integer.toString(LONE_NODE_PORT), "POW_LEDGER_DB", "no-ledger.db",
                "METRICS_PORT", Integer.toString(TAKEN_PORT)));
        try (ServerSocket taken = new ServerSocket(TAKEN_PORT, 1, InetAddress.getLoopbackAddress())) {
            DaemonException refused = assertThrows(DaemonException.class,
                    () -> NodeDaemon.start(dir.resolve("lone"), settings, new TestClock(NOW)));
            assertTrue(refused.getMessage().startsWith("cannot serve metrics on 127.0.0.1:" + TAKEN_PORT + ": "),
                    refused.getMessage());
        }
        try (ServerSocket free = new ServerSocket(LONE_NODE_PORT, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(LONE_NODE_PORT, free.getLocalPort(), "the failed start released the peer port");
        }
    }

    @Test
    void theEndpointIsOffByDefault() {
        assertEquals(0, Settings.defaults().integer(org.hn.config.settings.Setting.METRICS_PORT));
        assertEquals("127.0.0.1", Settings.defaults().text(org.hn.config.settings.Setting.METRICS_BIND));
    }

    /** Refused on every non-loopback address of this machine (there is usually one: the container's or host's). */
    private static void assertNotReachableOutsideLoopback(int port) throws IOException {
        Optional<InetAddress> outside = nonLoopbackAddress();
        if (outside.isPresent()) {
            assertThrows(ConnectException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(outside.get(), port), 2000);
                }
            }, "metrics reachable on " + outside.get());
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    /** The PoW ledger's highest block, read with plain SQL from the Bismuth schema. */
    private static double powTip(Path ledger) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             ResultSet rows = connection.createStatement().executeQuery("SELECT MAX(block_height) FROM transactions")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Scrapes until every wanted series is present (the node's loops run on their own threads), at most 20 s. */
    private static Map<String, Double> scrapeUntil(String... wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            HttpResponse<String> answer = get("http://127.0.0.1:" + METRICS_PORT + MetricsServer.PATH);
            assertEquals(200, answer.statusCode());
            Map<String, Double> series = parse(answer.body());
            boolean complete = List.of(wanted).stream().allMatch(key -> Double.valueOf(1.0).equals(series.get(key)));
            if (complete || System.nanoTime() > deadline) {
                return series;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Prometheus text format: {@code name{labels} value} per line, {@code #} lines are comments. */
    private static Map<String, Double> parse(String body) {
        Map<String, Double> series = new HashMap<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
