package org.hn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb that {@code mvn package} built: its contents, its control fields, and an install into a scratch root
 * ({@code dpkg --root} with {@code --force-script-chrootless}: the maintainer scripts run outside a chroot and
 * prefix every path with {@code DPKG_ROOT}). Skipped on machines without dpkg.
 */
class DebianPackageTest {

    private static final Path DEB = Path.of(System.getProperty("hn.deb", "target/hn.deb"));
    private static final String VERSION = System.getProperty("hn.version", "");

    @TempDir
    Path temp;

    @Test
    void holdsTheJarLauncherUnitCronEntryUpdaterAndCompletion() throws Exception {
        assumeTrue(onPath("dpkg-deb"), "dpkg-deb is not installed");
        Run listing = run(List.of("dpkg-deb", "-c", DEB.toString()), Map.of());
        assertEquals(0, listing.exitCode(), listing.output());

        Map<String, String> modes = new HashMap<>();
        for (String line : listing.output().lines().toList()) {
            String[] columns = line.trim().split("\\s+");
            modes.put(columns[columns.length - 1], columns[0]);
        }
        assertEquals("-rw-r--r--", modes.get("./lib/systemd/system/hn.service"));
        assertEquals("-rw-r--r--", modes.get("./etc/cron.d/hn"));
        assertEquals("-rwxr-xr-x", modes.get("./usr/bin/hn"));
        assertEquals("-rwxr-xr-x", modes.get("./usr/bin/hn-update"));
        assertEquals("-rwxr-xr-x", modes.get("./usr/bin/hn-watchdog"));
        assertEquals("-rw-r--r--", modes.get("./usr/share/hn/hn.jar"));
        assertEquals("-rw-r--r--", modes.get("./usr/share/hn/release-key.pub"));
        assertEquals("-rw-r--r--", modes.get("./etc/hn/logback.xml"));
        assertEquals("-rw-r--r--", modes.get("./etc/default/hn"));
        assertEquals("-rw-r--r--", modes.get("./usr/share/bash-completion/completions/hn"));

        Run completion = run(List.of("sh", "-c", "dpkg-deb --fsys-tarfile '" + DEB
                + "' | tar -xOf - ./usr/share/bash-completion/completions/hn"), Map.of());
        String script = completion.output();
        assertTrue(script.contains("complete -F _complete_hn -o default hn"), "registers the completion of hn");
        for (String subcommand : List.of("run", "devnet", "watchdog", "update", "release")) {
            assertTrue(script.contains("function _picocli_hn_" + subcommand + "()"), subcommand);
        }
    }

    @Test
    void controlFieldsDeclareAnyArchitectureAndJava17() throws Exception {
        assumeTrue(onPath("dpkg-deb"), "dpkg-deb is not installed");
        Run fields = run(List.of("dpkg-deb", "-f", DEB.toString(), "Package", "Architecture", "Depends"), Map.of());

        assertEquals(List.of("Package: hn", "Architecture: all",
                "Depends: openjdk-17-jre-headless | java17-runtime-headless, adduser, cron | cron-daemon"),
                fields.output().lines().toList());
        Run conffiles = run(List.of("sh", "-c", "dpkg-deb --ctrl-tarfile '" + DEB + "' | tar -xOf - ./conffiles"),
                Map.of());
        assertEquals(List.of("/etc/cron.d/hn", "/etc/default/hn", "/etc/hn/logback.xml"),
                conffiles.output().lines().sorted().toList());
    }

    @Test
    void installsIntoAScratchRootUpgradesAndPurges() throws Exception {
        assumeTrue(onPath("dpkg") && onPath("fakeroot"), "dpkg or fakeroot is not installed");
        Path root = scratchRoot();

        Run install = dpkg(root, "-i", DEB.toString());
        assertEquals(0, install.exitCode(), install.output());

        // the service user, once, and its private folders
        List<String> users = Files.readAllLines(root.resolve("etc/passwd"));
        assertEquals(1, users.stream().filter(line -> line.startsWith("hn:")).count(), users.toString());
        assertTrue(users.stream().anyMatch(line -> line.startsWith("hn:") && line.endsWith(":/var/lib/hn:/usr/sbin/nologin")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("var/lib/hn"))));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("var/log/hn"))));
        // the packaged jar is the current release
        Path releases = root.resolve("var/lib/hn-releases");
        assertEquals(Path.of("releases", VERSION), Files.readSymbolicLink(releases.resolve("current")));
        assertEquals(Files.size(root.resolve("usr/share/hn/hn.jar")), Files.size(releases.resolve("current/hn.jar")));
        // the cron entry: the watchdog every minute, the updater daily, as root, with programs the package installs
        assertEquals(List.of("* * * * * root /usr/bin/hn-watchdog",
                "17 4 * * * root /usr/bin/hn-update 2>&1 | logger -t hn-update"), cronJobs(root));

        // a second install (the upgrade path) changes nothing it should not, and prunes releases that are
        // neither the new one nor the one it replaces
        Path stale = Files.createDirectories(releases.resolve("releases/0.0.1"));
        Files.writeString(stale.resolve("hn.jar"), "old");
        Run again = dpkg(root, "-i", DEB.toString());
        assertEquals(0, again.exitCode(), again.output());
        assertEquals(users, Files.readAllLines(root.resolve("etc/passwd")));
        assertFalse(Files.exists(stale));
        assertEquals(Path.of("releases", VERSION), Files.readSymbolicLink(releases.resolve("current")));

        // purge removes releases and logs; never the wallet and chain in /var/lib/hn
        Files.writeString(root.resolve("var/lib/hn/poswallet.json"), "{}");
        Run purge = dpkg(root, "--purge", "hn");
        assertEquals(0, purge.exitCode(), purge.output());
        assertFalse(Files.exists(releases));
        assertFalse(Files.exists(root.resolve("usr/bin/hn")));
        assertTrue(Files.exists(root.resolve("var/lib/hn/poswallet.json")));
    }

    @Test
    void installedLauncherRunsTheCurrentRelease() throws Exception {
        assumeTrue(onPath("dpkg") && onPath("fakeroot"), "dpkg or fakeroot is not installed");
        Path root = scratchRoot();
        assertEquals(0, dpkg(root, "-i", DEB.toString()).exitCode());

        Run version = run(List.of(root.resolve("usr/bin/hn").toString(), "--version"),
                Map.of("HN_RELEASES", root.resolve("var/lib/hn-releases").toString()));

        assertEquals(0, version.exitCode(), version.output());
        assertEquals("hn " + VERSION, version.output().lines().findFirst().orElse(""));
    }

    /**
     * {@code systemd-analyze verify} of the installed unit, in the scratch root (which gets the host's stock units
     * beside ours, for the targets it names): no error and no warning.
     */
    @Test
    void installedUnitPassesSystemdAnalyzeVerify() throws Exception {
        Path stockUnits = Path.of("/lib/systemd/system");
        assumeTrue(onPath("dpkg") && onPath("fakeroot"), "dpkg or fakeroot is not installed");
        assumeTrue(onPath("systemd-analyze") && Files.isDirectory(stockUnits), "no systemd-analyze or stock units");
        Path root = scratchRoot();
        assertEquals(0, dpkg(root, "-i", DEB.toString()).exitCode());

        Path units = root.resolve("lib/systemd/system");
        try (Stream<Path> stock = Files.list(stockUnits)) {
            for (Path unit : stock.filter(Files::isRegularFile).toList()) {
                Path copy = units.resolve(unit.getFileName().toString());
                if (!Files.exists(copy)) {
                    Files.copy(unit, copy);
                }
            }
        }
        Run verify = run(List.of("systemd-analyze", "verify", "--root=" + root, "/lib/systemd/system/hn.service"),
                Map.of());
        assertEquals(0, verify.exitCode(), verify.output());
        assertEquals("", verify.output(), "systemd-analyze warnings");
    }

    /** The job lines of /etc/cron.d/hn with blanks squeezed; each program must exist in the root. */
    private static List<String> cronJobs(Path root) throws IOException {
        List<String> jobs = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("etc/cron.d/hn"))) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.matches("[A-Z_]+=.*")) {
                continue;
            }
            String job = String.join(" ", trimmed.split("\\s+"));
            jobs.add(job);
            String program = job.split(" ")[6];
            assertTrue(Files.isExecutable(root.resolve(program.substring(1))), program);
        }
        return jobs;
    }

    /** An empty dpkg database and a user database with root only. */
    private Path scratchRoot() throws IOException {
        Path root = temp.resolve("root");
        Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        Files.createDirectories(root.resolve("var/lib/dpkg/updates"));
        Files.createFile(root.resolve("var/lib/dpkg/status"));
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\n");
        Files.writeString(etc.resolve("shadow"), "root:*:19000:0:99999:7:::\n");
        Files.writeString(etc.resolve("gshadow"), "root:*::\n");
        return root;
    }

    private Run dpkg(Path root, String... action) throws Exception {
        List<String> command = new ArrayList<>(List.of("fakeroot", "dpkg", "--root=" + root,
                "--force-script-chrootless", "--force-depends", "--log=/dev/null"));
        command.addAll(List.of(action));
        return run(command, Map.of());
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running: " + command);
        return new Run(process.exitValue(), output.strip());
    }
}
