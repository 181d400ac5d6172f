package org.hn.node.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hn.node.supervise.ProbeResult;
import org.hn.node.supervise.ServiceControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The updater against a release site on loopback (com.sun.net.httpserver), a fake service and health probe. */
class UpdaterTest {

    /** Inside this task's port range; each test binds it afresh after the previous one closed it. */
    private static final int PORT = 18431;
    private static final byte[] OLD_JAR = "old release jar".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    private HttpServer server;
    private final Map<String, byte[]> site = new ConcurrentHashMap<>();
    /** Paths whose answer is cut after this many bytes although the full length is announced. */
    private final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final FakeService service = new FakeService();
    private final Deque<ProbeResult> health = new ArrayDeque<>();
    private ReleaseSigningKey.Pair key;
    private ReleaseStore store;
    private byte[] newJar;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
        server.createContext("/", this::serve);
        server.start();
        key = ReleaseSigningKey.generate();
        store = new ReleaseStore(temp.resolve("releases-root"));
        Path old = Files.createDirectories(store.root().resolve("releases/0.1.0")).resolve(ReleaseStore.JAR);
        Files.write(old, OLD_JAR);
        store.switchTo(ReleaseVersion.parse("0.1.0"));
        newJar = new byte[200_000];
        for (int i = 0; i < newJar.length; i++) {
            newJar[i] = (byte) (i * 31 + 7);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void goodReleaseIsInstalledSwitchedAndRestarted() throws Exception {
        publish("0.2.0", newJar, key.signingKey());
        Files.write(Files.createDirectories(store.root().resolve("releases/0.0.9")).resolve(ReleaseStore.JAR), OLD_JAR);
        health.add(ProbeResult.UNREACHABLE); // still starting at the first probe
        health.add(ProbeResult.OK);

        UpdateOutcome outcome = updater().run();

        assertEquals(UpdateOutcome.Result.INSTALLED, outcome.result());
        assertEquals(Optional.of(ReleaseVersion.parse("0.2.0")), store.current());
        assertEquals(Path.of("releases", "0.2.0"), Files.readSymbolicLink(store.root().resolve("current")));
        assertArrayEquals(newJar, Files.readAllBytes(store.root().resolve("current/hn.jar")));
        assertArrayEquals(OLD_JAR, Files.readAllBytes(store.root().resolve("releases/0.1.0/hn.jar")));
        assertFalse(Files.exists(store.root().resolve("releases/0.0.9")), "older releases pruned");
        assertFalse(Files.exists(store.partialDownload(ReleaseVersion.parse("0.2.0"))));
        assertEquals(1, service.restarts);
        assertTrue(health.isEmpty(), "probed until healthy");
    }

    @Test
    void sameOrOlderSignedVersionIsNotInstalled() throws Exception {
        publish("0.1.0", newJar, key.signingKey());

        UpdateOutcome outcome = updater().run();

        assertEquals(UpdateOutcome.Result.UP_TO_DATE, outcome.result());
        assertNothingChanged();
    }

    @Test
    void manifestSignedByAnotherKeyIsRefused() throws Exception {
        publish("0.2.0", newJar, ReleaseSigningKey.generate().signingKey());

        UpdateException refused = assertThrows(UpdateException.class, () -> updater().run());

        assertTrue(refused.getMessage().contains("not signed by the release key"), refused.getMessage());
        assertNothingChanged();
        assertEquals(List.of("/manifest.json", "/manifest.json.sig"), requests);
    }

    @Test
    void manifestAlteredAfterSigningIsRefused() throws Exception {
        publish("0.2.0", newJar, key.signingKey());
        String manifest = new String(site.get("/manifest.json"), StandardCharsets.UTF_8);
        site.put("/manifest.json", manifest.replace("0.2.0", "0.3.0").getBytes(StandardCharsets.UTF_8));

        assertThrows(UpdateException.class, () -> updater().run());

        assertNothingChanged();
    }

    @Test
    void jarWithWrongHashIsRefusedAndDeleted() throws Exception {
        publish("0.2.0", newJar, key.signingKey());
        byte[] tampered = newJar.clone();
        tampered[1000] ^= 1;
        site.put("/hn-0.2.0.jar", tampered);

        UpdateException refused = assertThrows(UpdateException.class, () -> updater().run());

        assertTrue(refused.getMessage().contains("SHA-256"), refused.getMessage());
        assertNothingChanged();
        assertFalse(Files.exists(store.partialDownload(ReleaseVersion.parse("0.2.0"))));
    }

    @Test
    void truncatedDownloadIsRefusedAndResumedByTheNextRun() throws Exception {
        publish("0.2.0", newJar, key.signingKey());
        cutAfter.put("/hn-0.2.0.jar", 70_000);

        UpdateException refused = assertThrows(UpdateException.class, () -> updater().run());

        assertTrue(refused.getMessage().contains("resumes"), refused.getMessage());
        assertNothingChanged();
        Path partial = store.partialDownload(ReleaseVersion.parse("0.2.0"));
        long kept = Files.size(partial);
        assertTrue(kept > 0 && kept <= 70_000, "kept " + kept + " bytes");

        cutAfter.clear();
        health.add(ProbeResult.OK);
        assertEquals(UpdateOutcome.Result.INSTALLED, updater().run().result());
        assertEquals(List.of("bytes=" + kept + "-"), ranges, "the next run resumes from what was kept");
        assertArrayEquals(newJar, Files.readAllBytes(store.root().resolve("current/hn.jar")));
    }

    @Test
    void unhealthyReleaseIsRolledBackAndNeverRetried() throws Exception {
        publish("0.2.0", newJar, key.signingKey());
        for (int i = 0; i < 4; i++) {
            health.add(ProbeResult.UNHEALTHY); // the whole health timeout: 4 probes
        }
        health.add(ProbeResult.OK); // the previous release comes back healthy

        UpdateOutcome outcome = updater().run();

        assertEquals(UpdateOutcome.Result.ROLLED_BACK, outcome.result());
        assertEquals(Optional.of(ReleaseVersion.parse("0.1.0")), store.current());
        assertArrayEquals(OLD_JAR, Files.readAllBytes(store.root().resolve("current/hn.jar")));
        assertFalse(Files.exists(store.root().resolve("releases/0.2.0")));
        assertEquals(2, service.restarts);
        assertTrue(store.rejection(ReleaseVersion.parse("0.2.0")).isPresent());

        UpdateOutcome again = updater().run();
        assertEquals(UpdateOutcome.Result.UP_TO_DATE, again.result());
        assertEquals(2, service.restarts);
    }

    @Test
    void releaseIsNotRejectedWhenThePreviousOneIsUnhealthyToo() throws Exception {
        publish("0.2.0", newJar, key.signingKey());
        // no probe ever answers OK (the PoW node is down, say): both releases look unhealthy

        UpdateOutcome outcome = updater().run();

        assertEquals(UpdateOutcome.Result.ROLLED_BACK, outcome.result());
        assertTrue(outcome.message().endsWith("0.2.0 will be tried again"), outcome.message());
        assertEquals(Optional.of(ReleaseVersion.parse("0.1.0")), store.current());
        assertEquals(Optional.empty(), store.rejection(ReleaseVersion.parse("0.2.0")));
        assertEquals(2, service.restarts);
    }

    @Test
    void secondMirrorIsUsedWhenTheFirstFails() throws Exception {
        publish("0.2.0", newJar, key.signingKey());
        health.add(ProbeResult.OK);
        Updater updater = new Updater(parts(List.of(uri("/missing/manifest.json"), uri("/manifest.json"))));

        assertEquals(UpdateOutcome.Result.INSTALLED, updater.run().result());
    }

    private void assertNothingChanged() throws IOException {
        assertEquals(Optional.of(ReleaseVersion.parse("0.1.0")), store.current());
        assertArrayEquals(OLD_JAR, Files.readAllBytes(store.root().resolve("current/hn.jar")));
        try (var releases = Files.list(store.root().resolve("releases"))) {
            assertEquals(List.of("0.1.0"), releases.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(0, service.restarts);
    }

    private void publish(String version, byte[] jar, ReleaseSigningKey signer) throws IOException {
        Path jarFile = temp.resolve("hn-" + version + ".jar");
        Files.write(jarFile, jar);
        byte[] manifest = ReleaseManifest.describe(ReleaseVersion.parse(version), "hn-" + version + ".jar", jarFile)
                .toJson();
        site.put("/manifest.json", manifest);
        site.put("/manifest.json.sig", Base64.getEncoder().encode(signer.sign(manifest)));
        site.put("/hn-" + version + ".jar", jar);
    }

    private Updater updater() throws IOException {
        return new Updater(parts(List.of(uri("/manifest.json"))));
    }

    private Updater.Parts parts(List<URI> urls) {
        return new Updater.Parts(urls, key.releaseKey(), store, new ReleaseDownloader(Duration.ofSeconds(5)),
                service, () -> health.isEmpty() ? ProbeResult.FAILED : health.poll(), Duration.ofSeconds(20),
                Duration.ofSeconds(5), pause -> { });
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        byte[] body = site.get(path);
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            int from = 0;
            if (range != null) {
                ranges.add(range);
                from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
                exchange.getResponseHeaders().add("Content-Range",
                        "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                exchange.sendResponseHeaders(206, body.length - from);
            } else {
                exchange.sendResponseHeaders(200, body.length);
            }
            Integer cut = cutAfter.get(path);
            OutputStream out = exchange.getResponseBody();
            if (cut != null) {
                out.write(body, from, cut - from);
                // ending the exchange short of the announced length drops the connection: the client sees an
                // early end (the reset may discard what was still in flight, so it keeps at most these bytes)
                out.flush();
                return;
            }
            out.write(body, from, body.length - from);
        }
    }

    /** Counts restarts; the unit is always active. */
    private static final class FakeService implements ServiceControl {
        int restarts;

        @Override
        public UnitState state() {
            return UnitState.ACTIVE;
        }

        @Override
        public Optional<java.time.Instant> activeSince() {
            return Optional.empty();
        }

        @Override
        public void restart() {
            restarts++;
        }
    }
}
