package org.hn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code ./hn bench}: a small subset of the benchmarks, short enough (under two minutes on two cores once the
 * benchmark chains exist) to be run before and after a change, printing one JSON object on standard output:
 * {@code {"benchmarks": [{"name", "params", "mode", "threads", "score", "error", "unit"}, ...]}}, "error" being
 * JMH's 99.9% half-width (NaN is written as null). JMH's own progress goes to standard error.
 */
public final class RegressionGuard {

    private RegressionGuard() {
    }

    public static void main(String[] args) throws RunnerException {
        ArrayNode rows = new ObjectMapper().createArrayNode();
        // Timed loops: one fork, 2 warm-up and 3 measured iterations of one second.
        run(rows, timed().include(MessageBenchmark.class.getName() + ".verify(Message|SignatureOnly)$").threads(1));
        run(rows, timed().include(MessageBenchmark.class.getName() + ".verifyHistoricalMessage$").threads(2));
        run(rows, timed().include(BlockHashBenchmark.class.getName()).param("txCount", "100"));
        run(rows, timed().include(FrameCodecBenchmark.class.getName() + ".decodeFrame$")
                .param("framing", "V2").param("shape", "BLOCKSYNC"));
        run(rows, timed().include(RoundPlanBenchmark.class.getName()));
        // Single calls of whole operations: one warm-up call, then three measured ones.
        run(rows, base().include(BlockDigestBenchmark.class.getName() + ".appendInBatches$")
                .warmupIterations(1).measurementIterations(3));
        run(rows, base().include(CatchUpBenchmark.class.getName()).param("blocks", "200")
                .warmupIterations(1).measurementIterations(2));
        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.set("benchmarks", rows);
        System.out.println(summary);
    }

    private static ChainedOptionsBuilder base() {
        return new OptionsBuilder().forks(1).verbosity(VerboseMode.SILENT).shouldFailOnError(true);
    }

    private static ChainedOptionsBuilder timed() {
        return base().warmupIterations(2).measurementIterations(3)
                .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1));
    }

    private static void run(ArrayNode rows, ChainedOptionsBuilder options) throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult result : results) {
            ObjectNode row = rows.addObject();
            row.put("name", result.getParams().getBenchmark().replace("org.hn.bench.", ""));
            ObjectNode params = row.putObject("params");
            for (String key : result.getParams().getParamsKeys()) {
                params.put(key, result.getParams().getParam(key));
            }
            row.put("mode", result.getParams().getMode().shortLabel());
            row.put("threads", result.getParams().getThreads());
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            row.put("score", score);
            if (Double.isNaN(error)) {
                row.putNull("error");
            } else {
                row.put("error", error);
            }
            row.put("unit", result.getPrimaryResult().getScoreUnit());
        }
    }
}
