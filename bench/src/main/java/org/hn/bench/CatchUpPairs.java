package org.hn.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Catch-up against its bound in pairs: one {@link CatchUpBenchmark#catchUp} call, then one
 * {@link CatchUpBenchmark#verifyMessagesOnly} call, again and again in one process, so that both sides of each
 * ratio ran within the same few seconds. On a machine shared with other work the load changes from one JMH run
 * to the next (docs/benchmarks.md, issue 9), which made two separate runs disagree by more than the effect being
 * measured; adjacent calls see about the same load.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.hn.bench.CatchUpPairs BLOCKS PAIRS WARMUP} (for
 * example 250 16 4): prints one line per pair (times in ms and bound ÷ catch-up), then the minimum, median and
 * maximum ratio of the pairs after the first WARMUP. The server listens on {@code hn.bench.port} (default 18510).
 */
public final class CatchUpPairs {

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
                benchmark.openEmptyClient();
                long started = System.nanoTime();
                benchmark.catchUp();
                long caughtUp = System.nanoTime();
                benchmark.deleteClient();
                long verifying = System.nanoTime();
                benchmark.verifyMessagesOnly();
                long verified = System.nanoTime();
                double ratio = (double) (verified - verifying) / (caughtUp - started);
                if (pair >= warmup) {
                    ratios[pair - warmup] = ratio;
                }
                System.out.printf(Locale.ROOT, "pair %d%s: catch-up %.0f ms, bound %.0f ms, ratio %.3f%n", pair,
                        pair < warmup ? " (warm-up)" : "", (caughtUp - started) / 1e6, (verified - verifying) / 1e6,
                        ratio);
            }
        } finally {
            benchmark.stopServer();
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "ratio min / median / max over %d pairs: %.3f / %.3f / %.3f%n", ratios.length,
                ratios[0], median(ratios), ratios[ratios.length - 1]);
        System.exit(0);
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
