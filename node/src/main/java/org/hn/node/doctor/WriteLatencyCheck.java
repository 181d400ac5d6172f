package org.hn.node.doctor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@code write-latency}: how long a small write made durable takes in the data directory, as every SQLite
 * commit does. The median of {@link #WRITES} writes of {@link #WRITE_BYTES} bytes, each followed by an fsync, is
 * timed; slow SD cards take hundreds of milliseconds, which delays blocks and messages. Over
 * {@link #WARN_MILLIS} warns, over {@link #FAIL_MILLIS} fails. The probe file is removed afterwards.
 */
public final class WriteLatencyCheck implements Check {

    /** The probe file's name inside the data directory. */
    public static final String PROBE_FILE = ".hn-doctor-write-probe";
    /** Number of timed writes. */
    public static final int WRITES = 5;
    /** Bytes per write: one SQLite page. */
    public static final int WRITE_BYTES = 4096;
    /** Median latencies above this many milliseconds warn. */
    public static final double WARN_MILLIS = 50;
    /** Median latencies above this many milliseconds fail. */
    public static final double FAIL_MILLIS = 1000;

    private final Path dataDir;
    private final LongSupplier nanoTime;

    /**
     * @param dataDir  where the node writes
     * @param nanoTime monotonic nanoseconds ({@code System::nanoTime}); injected by tests
     */
    public WriteLatencyCheck(Path dataDir, LongSupplier nanoTime) {
        this.dataDir = dataDir;
        this.nanoTime = nanoTime;
    }

    @Override
    public String name() {
        return "write-latency";
    }

    @Override
    public Finding run() {
        if (!Files.isDirectory(dataDir)) {
            return Finding.unknown(name(), dataDir + " does not exist yet", "start the node once ('hn run --data DIR')");
        }
        Path probe = dataDir.resolve(PROBE_FILE);
        long[] nanos = new long[WRITES];
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] page = new byte[WRITE_BYTES];
            for (int write = 0; write < WRITES; write++) {
                Arrays.fill(page, (byte) write);
                long start = nanoTime.getAsLong();
                channel.write(ByteBuffer.wrap(page), 0);
                channel.force(true);
                nanos[write] = nanoTime.getAsLong() - start;
            }
        } catch (IOException e) {
            return Finding.fail(name(), "cannot write in " + dataDir + ": " + e.getMessage(),
                    "make the data directory writable by the user running hn");
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                // the probe is harmless if it stays; the next run truncates and removes it
            }
        }
        Arrays.sort(nanos);
        double medianMillis = nanos[WRITES / 2] / 1e6;
        String summary = String.format(Locale.ROOT, "a %d-byte write with fsync takes %.1f ms (median of %d) in %s",
                WRITE_BYTES, medianMillis, WRITES, dataDir);
        String fix = "use a faster card (A1/A2 class) or a USB SSD for the data directory";
        if (medianMillis > FAIL_MILLIS) {
            return Finding.fail(name(), summary, fix);
        }
        if (medianMillis > WARN_MILLIS) {
            return Finding.warn(name(), summary, fix);
        }
        return Finding.ok(name(), summary);
    }
}
