package org.hn.node.doctor;

import java.lang.management.ManagementFactory;

/**
 * {@code memory}: the machine's memory and the JVM's heap limit. The target is a 1 GB Raspberry Pi
 * ({@code DESIGN.md §7}): under {@link #FAIL_BYTES} of physical memory fails, under {@link #WARN_AVAILABLE_BYTES}
 * available warns, a heap limit under {@link #WARN_HEAP_BYTES} warns.
 *
 * @param totalBytes     physical memory
 * @param availableBytes physical memory free now
 * @param maxHeapBytes   the JVM's heap limit ({@code -Xmx})
 */
public record MemoryCheck(long totalBytes, long availableBytes, long maxHeapBytes) implements Check {

    /** Below this much physical memory (512 MiB) the check fails. */
    public static final long FAIL_BYTES = 512L << 20;
    /** Below this much free memory (128 MiB) the check warns. */
    public static final long WARN_AVAILABLE_BYTES = 128L << 20;
    /** Below this heap limit (96 MiB) the check warns. */
    public static final long WARN_HEAP_BYTES = 96L << 20;

    /** The figures of this machine and JVM. */
    public static MemoryCheck ofThisMachine() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new MemoryCheck(os.getTotalMemorySize(), os.getFreeMemorySize(), Runtime.getRuntime().maxMemory());
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Finding run() {
        String summary = (totalBytes >> 20) + " MiB in all, " + (availableBytes >> 20) + " MiB free, JVM heap limit "
                + (maxHeapBytes >> 20) + " MiB";
        if (totalBytes < FAIL_BYTES) {
            return Finding.fail(name(), summary, "run the node on a machine with 1 GB of memory or more");
        }
        if (availableBytes < WARN_AVAILABLE_BYTES) {
            return Finding.warn(name(), summary, "stop other programs, or add swap ('sudo dphys-swapfile setup' on"
                    + " Raspberry Pi OS)");
        }
        if (maxHeapBytes < WARN_HEAP_BYTES) {
            return Finding.warn(name(), summary, "raise the heap limit, e.g. HN_JAVA_OPTS=-Xmx256m");
        }
        return Finding.ok(name(), summary);
    }
}
