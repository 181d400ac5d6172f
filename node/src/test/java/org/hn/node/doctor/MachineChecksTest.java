package org.hn.node.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disk, write latency, memory, Java and file-mode checks with injected figures. */
class MachineChecksTest {

    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void diskSpaceThresholds() {
        String fix = "free space or move the data directory to a larger disk (the chain grows with every round)";
        assertEquals(Finding.fail("disk", "511 MiB free for " + dir, fix),
                new DiskSpaceCheck(dir, directory -> 511 * MIB).run());
        assertEquals(Finding.warn("disk", "512 MiB free for " + dir, fix),
                new DiskSpaceCheck(dir, directory -> 512 * MIB).run());
        assertEquals(Finding.ok("disk", "2048 MiB free for " + dir),
                new DiskSpaceCheck(dir, directory -> 2048 * MIB).run());
    }

    @Test
    void diskSpaceOfADataDirectoryNotCreatedYetIsItsParents() {
        Path[] measured = new Path[1];
        new DiskSpaceCheck(dir.resolve("new/.hn"), directory -> {
            measured[0] = directory;
            return 4096 * MIB;
        }).run();
        assertEquals(dir, measured[0]);
    }

    @Test
    void anUnreadableFileSystemIsUnknown() {
        Finding finding = new DiskSpaceCheck(dir, directory -> {
            throw new IOException("stale handle");
        }).run();
        assertEquals(Finding.unknown("disk", "cannot read the free space of " + dir + ": stale handle",
                "check that the data directory's file system is mounted"), finding);
    }

    /** A clock whose every second reading is {@code stepNanos} after the first: each write seems to take that long. */
    private static WriteLatencyCheck latency(Path directory, long stepNanos) {
        AtomicLong readings = new AtomicLong();
        return new WriteLatencyCheck(directory, () -> {
            long reading = readings.getAndIncrement();
            return (reading / 2) * 1_000_000_000L + (reading % 2) * stepNanos;
        });
    }

    @Test
    void writeLatencyThresholdsAndTheProbeIsRemoved() {
        String fix = "use a faster card (A1/A2 class) or a USB SSD for the data directory";
        assertEquals(Finding.ok("write-latency", "a 4096-byte write with fsync takes 50.0 ms (median of 5) in " + dir),
                latency(dir, 50_000_000L).run());
        assertEquals(Finding.warn("write-latency", "a 4096-byte write with fsync takes 50.1 ms (median of 5) in " + dir,
                fix), latency(dir, 50_100_000L).run());
        assertEquals(Finding.fail("write-latency", "a 4096-byte write with fsync takes 1000.1 ms (median of 5) in "
                + dir, fix), latency(dir, 1_000_100_000L).run());
        assertFalse(Files.exists(dir.resolve(WriteLatencyCheck.PROBE_FILE)));
    }

    @Test
    void writeLatencyOfAMissingDirectoryIsUnknown() {
        assertEquals(Verdict.UNKNOWN, latency(dir.resolve("absent"), 1).run().verdict());
    }

    @Test
    void memoryThresholds() {
        assertEquals(Finding.fail("memory", "511 MiB in all, 300 MiB free, JVM heap limit 128 MiB",
                "run the node on a machine with 1 GB of memory or more"),
                new MemoryCheck(511 * MIB, 300 * MIB, 128 * MIB).run());
        assertEquals(Verdict.WARN, new MemoryCheck(906 * MIB, 127 * MIB, 226 * MIB).run().verdict());
        assertEquals(Finding.warn("memory", "906 MiB in all, 400 MiB free, JVM heap limit 64 MiB",
                "raise the heap limit, e.g. HN_JAVA_OPTS=-Xmx256m"), new MemoryCheck(906 * MIB, 400 * MIB, 64 * MIB).run());
        assertEquals(Finding.ok("memory", "906 MiB in all, 400 MiB free, JVM heap limit 226 MiB"),
                new MemoryCheck(906 * MIB, 400 * MIB, 226 * MIB).run());
    }

    @Test
    void javaSeventeenOrNewer() {
        assertEquals(Finding.ok("java", "Java 17.0.9"), new JavaVersionCheck(17, "Java 17.0.9").run());
        assertEquals(Finding.fail("java", "Java 11.0.2 is older than Java 17",
                "install Java 17 or newer ('sudo apt-get install openjdk-17-jre-headless')"),
                new JavaVersionCheck(11, "Java 11.0.2").run());
    }

    @Test
    void secretFilesMustBeOwnerReadWriteOnly() throws IOException {
        Path wallet = dir.resolve("poswallet.json");
        Files.writeString(wallet, "{}");
        Files.setPosixFilePermissions(wallet, PosixFilePermissions.fromString("rw-r--r--"));
        FileModeCheck check = new FileModeCheck(wallet, Verdict.FAIL, "restore it");
        assertEquals(Finding.fail("poswallet.json-mode", wallet + " has mode rw-r--r--, not rw-------",
                "chmod 600 " + wallet), check.run());
        Files.setPosixFilePermissions(wallet, PosixFilePermissions.fromString("rw-------"));
        assertEquals(Finding.ok("poswallet.json-mode", wallet + " has mode rw-------"), check.run());
        Files.setPosixFilePermissions(wallet, PosixFilePermissions.fromString("r--------"));
        assertEquals(Verdict.FAIL, check.run().verdict());
    }

    @Test
    void aMissingSecretFileHasTheGivenVerdict() {
        Path secret = dir.resolve("jwt.secret");
        assertEquals(Finding.warn("jwt.secret-mode", secret + " does not exist", "created at first start"),
                new FileModeCheck(secret, Verdict.WARN, "created at first start").run());
    }
}
