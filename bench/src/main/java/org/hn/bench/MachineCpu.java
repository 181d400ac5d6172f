package org.hn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time all processors of this Linux machine have spent busy since boot, from the {@code cpu} line of
 * {@code /proc/stat} (user, nice, system, irq, softirq and steal time; idle and iowait are not busy), in
 * nanoseconds at the kernel's 10 ms resolution. The difference of two readings is the CPU time of every process
 * and kernel thread in between, ours included.
 */
final class MachineCpu {

    private static final long NANOS_PER_TICK = 10_000_000L;

    private MachineCpu() {
    }

    static long busyNanos() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(fields[field]);
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
    }
}
