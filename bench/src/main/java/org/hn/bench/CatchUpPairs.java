package org.hn.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Catch-up against its bound in pairs: one {@link CatchUpBenchmark#verifyMessagesOnly} call, one
 * {@link CatchUpBenchmark#catchUp} call and another {@link CatchUpBenchmark#verifyMessagesOnly} call, again and
 * again in one process, so that both sides of each ratio ran within the same minutes (the bound's rate is that of
 * its two calls together, one on each side of the catch-up). On a machine shared with other work the load changes
 * from one JMH run to the next (docs/benchmarks.md, issue 9), which made two separate runs disagree by more than
 * the effect being measured; adjacent calls see about the same load.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.hn.bench.CatchUpPairs BLOCKS PAIRS WARMUP} (for
 * example 250 16 4): prints one line per pair (times in ms, messages per second, how busy the process kept the
 * CPUs, and the ratio of catch-up's rate to the bound's), then the minimum, median and maximum ratio of the pairs
 * after the first WARMUP. On chains longer than {@value CatchUpBenchmark#BOUND_BLOCKS} blocks the bound checks
 * only the messages of the first ones, which is why rates are compared rather than times. From
 * {@value #FIFTHS_FROM} blocks on, each pair line also gives the catch-up's milliseconds per block over each fifth
 * of the chain (from the client's height, read every second), which shows whether a block costs more as the chain
 * grows. The server listens on {@code hn.bench.port} (default 18510).
 */
public final class CatchUpPairs {

    private static final int FIFTHS_FROM = 5000;

    private CatchUpPairs() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: CatchUpPairs BLOCKS PAIRS WARMUP");
            System.exit(2);
        }
        int pairs = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        if (pairs <= warmup || warmup < 0) {
            System.err.println("PAIRS must exceed WARMUP, and WARMUP must not be negative");
            System.exit(2);
        }
        CatchUpBenchmark benchmark = new CatchUpBenchmark();
        benchmark.blocks = Integer.parseInt(args[0]);
        benchmark.startServer();
        double[] ratios = new double[pairs - warmup];
        try {
            for (int pair = 0; pair < pairs; pair++) {
                Span boundBefore = bound(benchmark);
                benchmark.openEmptyClient();
                List<long[]> progress = new CopyOnWriteArrayList<>();
                ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "height-sampler");
                    thread.setDaemon(true);
                    return thread;
                });
                long startedCpu = processCpuNanos();
                long started = System.nanoTime();
                sampler.scheduleAtFixedRate(() -> progress.add(new long[] {System.nanoTime(),
                        benchmark.clientHeight()}), 1, 1, TimeUnit.SECONDS);
                benchmark.catchUp();
                Span catchUp = new Span(System.nanoTime() - started, processCpuNanos() - startedCpu);
                sampler.shutdownNow();
                benchmark.deleteClient();
                Span boundAfter = bound(benchmark);
                Span bound = new Span(boundBefore.wallNanos() + boundAfter.wallNanos(),
                        boundBefore.cpuNanos() + boundAfter.cpuNanos());
                double catchUpRate = benchmark.blocks * (double) CatchUpBenchmark.TXS_PER_BLOCK * 1e9
                        / catchUp.wallNanos();
                double boundRate = 2.0 * benchmark.boundMessages() * 1e9 / bound.wallNanos();
                double ratio = catchUpRate / boundRate;
                if (pair >= warmup) {
                    ratios[pair - warmup] = ratio;
                }
                System.out.printf(Locale.ROOT, "pair %d%s: catch-up %.0f ms (%.0f messages/s, CPUs %.0f%% busy),"
                        + " bound %.0f + %.0f ms (%.0f messages/s, CPUs %.0f%% busy), ratio %.3f%n",
                        pair, pair < warmup ? " (warm-up)" : "", catchUp.wallNanos() / 1e6, catchUpRate,
                        catchUp.busy(), boundBefore.wallNanos() / 1e6, boundAfter.wallNanos() / 1e6, boundRate,
                        bound.busy(), ratio);
                if (benchmark.blocks >= FIFTHS_FROM) {
                    System.out.println("  ms per block over each fifth of the chain: "
                            + fifths(progress, benchmark.blocks, started, started + catchUp.wallNanos()));
                }
            }
        } finally {
            benchmark.stopServer();
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "ratio min / median / max over %d pairs: %.3f / %.3f / %.3f%n", ratios.length,
                ratios[0], median(ratios), ratios[ratios.length - 1]);
        System.exit(0);
    }

    /** This process's CPU time (all threads, user and system), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Span bound(CatchUpBenchmark benchmark) {
        long startedCpu = processCpuNanos();
        long started = System.nanoTime();
        benchmark.verifyMessagesOnly();
        return new Span(System.nanoTime() - started, processCpuNanos() - startedCpu);
    }

    /** Wall and CPU time of one measured call. */
    private record Span(long wallNanos, long cpuNanos) {

        /** How busy this process kept the machine's CPUs, in percent of all of them. */
        double busy() {
            return 100.0 * cpuNanos / wallNanos / Runtime.getRuntime().availableProcessors();
        }
    }

    /** Milliseconds per block between the moments the client's height passed each fifth of the chain. */
    private static String fifths(List<long[]> progress, int blocks, long started, long caughtUp) {
        StringBuilder fifths = new StringBuilder();
        long from = started;
        for (int fifth = 1; fifth <= 5; fifth++) {
            long height = (long) blocks * fifth / 5;
            long passed = progress.stream().filter(sample -> sample[1] >= height).mapToLong(sample -> sample[0])
                    .min().orElse(caughtUp);
            fifths.append(String.format(Locale.ROOT, "%s%.2f", fifth > 1 ? ", " : "", (passed - from) / 1e6
                    / (blocks / 5.0)));
            from = passed;
        }
        return fifths.toString();
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
