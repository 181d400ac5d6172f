package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's commands end to end in-process: {@code hn release keygen} and {@code sign} publish a release,
 * {@code hn update} installs it from a loopback site, {@code hn watchdog} checks a node; systemctl is a shell
 * script that records its calls and the status probe is {@code true} or {@code false}.
 */
class ReleaseUpdateCommandsTest {

    /** Inside this task's port range. */
    private static final int PORT = 18432;

    @TempDir
    Path temp;

    @Test
    void publishedReleaseIsInstalledByUpdate() throws IOException {
        Path key = temp.resolve("release-key");
        assertEquals(0, HnRun.of("release", "keygen", "--out", key.toString()).exit());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        Path jar = Files.write(temp.resolve("hn-0.2.0.jar"), "new release".getBytes());
        Path site = temp.resolve("site");
        HnRun sign = HnRun.of("release", "sign", "--key", key.toString(), "--jar", jar.toString(), "--version", "0.2.0",
                "--out", site.toString());
        assertEquals(0, sign.exit(), sign.err());
        Files.copy(jar, site.resolve("hn-0.2.0.jar"));
        Path releases = temp.resolve("releases");
        Files.write(Files.createDirectories(releases.resolve("releases/0.1.0")).resolve("hn.jar"), new byte[] {1});
        Files.createSymbolicLink(releases.resolve("current"), Path.of("releases/0.1.0"));

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
        server.createContext("/", exchange -> {
            Path file = site.resolve(exchange.getRequestURI().getPath().substring(1));
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        HnRun update;
        try {
            update = HnRun.of("update", "--manifest-url", "http://127.0.0.1:" + PORT + "/manifest.json",
                    "--release-key", key + ".pub", "--releases", releases.toString(),
                    "--systemctl", fakeSystemctl("active").toString(), "--probe", "true");
        } finally {
            server.stop(0);
        }

        assertEquals(0, update.exit(), update.err());
        assertEquals("installed: now running 0.2.0 (was 0.1.0)", update.out().strip());
        assertEquals(Path.of("releases/0.2.0"), Files.readSymbolicLink(releases.resolve("current")));
        assertEquals(List.of("reset-failed hn", "restart hn"), Files.readAllLines(temp.resolve("calls")));
    }

    @Test
    void updateWithAnUnreadableKeyIsRefused() {
        HnRun update = HnRun.of("update", "--manifest-url", "http://127.0.0.1:" + PORT + "/manifest.json",
                "--release-key", temp.resolve("absent.pub").toString(), "--releases", temp.toString());

        assertEquals(1, update.exit());
        assertTrue(update.err().startsWith("hn update: "), update.err());
    }

    @Test
    void watchdogPrintsItsDecision() throws IOException {
        long now = Instant.now().getEpochSecond();
        Files.writeString(temp.resolve("status.json"), """
                {"config": {"address": "BHbbLpbTAVKrJ1XDLMM48Qa6xJuCGofCuH"}, "instance": {"statustime": %d},
                 "state": {"round": 1, "sir": 1, "forger": null}, "hn": {"network": "devnet"}}
                """.formatted(now));
        Path systemctl = fakeSystemctl("active");

        HnRun healthy = HnRun.of("watchdog", "--data", temp.toString(), "--systemctl", systemctl.toString(), "--probe", "true");
        assertEquals(0, healthy.exit(), healthy.err());
        assertTrue(healthy.out().startsWith("leave: healthy (status "), healthy.out());
        assertTrue(Files.notExists(temp.resolve("calls")) || !Files.readString(temp.resolve("calls")).contains("restart"));

        HnRun silent = HnRun.of("watchdog", "--data", temp.toString(), "--systemctl", systemctl.toString(), "--probe", "false");
        assertEquals(0, silent.exit(), silent.err());
        assertTrue(silent.out().startsWith("restart: the node does not answer (failed)"), silent.out());
        assertTrue(Files.readAllLines(temp.resolve("calls")).contains("restart hn"));
    }

    /** A systemctl that records "verb unit" and answers is-active with {@code state}; show answers nothing. */
    private Path fakeSystemctl(String state) throws IOException {
        Path script = temp.resolve("systemctl");
        Files.writeString(script, """
                #!/bin/sh
                case "$1" in
                  is-active) echo '%s' ;;
                  show) exit 1 ;;
                  *) echo "$1 $2" >> '%s' ;;
                esac
                """.formatted(state, temp.resolve("calls")));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
