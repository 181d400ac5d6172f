package org.hn.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hn.config.Network;
import org.hn.node.devnet.Devnet;
import org.hn.node.devnet.DevnetNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hn devnet}: a throw-away local network of hypernodes on loopback ({@code DESIGN.md §1}). */
@Command(
        name = "devnet",
        mixinStandardHelpOptions = true,
        header = "Run a throw-away local network of hypernodes on loopback.",
        sortOptions = false,
        description = {
            "Run a throw-away network of hypernodes on this machine: a devnet PoW ledger with one funded",
            "registration per node, a wallet per node, and one 'hn run' process per node on its own",
            "loopback address (127.0.0.1, 127.0.0.2, …). Rounds last two minutes (20 slots of 6 s).",
            "",
            "Progress is printed every few seconds. With --rounds, the devnet stops once every node has",
            "completed that many rounds, holds a forged block (a first round joined too late to forge in",
            "does not do) and agrees on the tip, and its last line is one JSON object:",
            "  {\"round\": R, \"nodes\": [{\"address\", \"port\", \"height\", \"block_hash\", \"round\", \"state\"}, ...]}",
            "Ctrl-C stops the nodes cleanly. Each node's log is in <dir>/node<i>/node.log.",
            "",
            "Example:",
            "  hn devnet --nodes 4 --rounds 3"
        },
        footer = {"", "Exit codes: 0 done, 1 a node failed or the nodes disagree, 2 bad usage."})
final class DevnetCommand implements Callable<Integer> {

    private static final long POLL_MILLIS = 2000;
    private static final long AGREEMENT_WAIT_MILLIS = 120_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "4", description = "Number of hypernodes (default: ${DEFAULT-VALUE}).")
    private int nodeCount;

    @Option(names = "--dir", paramLabel = "D", description = "Directory for the devnet's files (default: a new temporary one).")
    private Path dir;

    @Option(names = "--base-port", paramLabel = "P", defaultValue = "17100",
            description = "Node i listens on P+i (default: ${DEFAULT-VALUE}).")
    private int basePort;

    @Option(names = "--rounds", paramLabel = "R", description = "Stop after every node completed R rounds (default: run until Ctrl-C).")
    private Integer rounds;

    @Option(names = "--node-heap", paramLabel = "SIZE", defaultValue = "128m",
            description = "Java heap of each node process (default: ${DEFAULT-VALUE}).")
    private String nodeHeap;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (nodeCount < 2 || nodeCount > 200) {
            err.println("hn devnet: --nodes must be from 2 to 200");
            return 2;
        }
        Path directory = dir != null ? dir : Files.createTempDirectory("hn-devnet-");
        Devnet devnet;
        try {
            devnet = Devnet.create(directory, nodeCount, basePort, Clock.systemUTC());
        } catch (IOException | SQLException e) {
            err.println("hn devnet: " + e.getMessage());
            return 1;
        }
        out.println("devnet directory: " + directory.toAbsolutePath());
        for (DevnetNode node : devnet.nodes()) {
            out.printf("  node%d  %s  %s:%d%n", node.index(), node.address(), node.ip(), node.port());
        }
        out.flush();
        Thread stopper = new Thread(devnet::close, "devnet-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            devnet.startNodes(List.of("-Xmx" + nodeHeap));
            return watch(devnet, out, err);
        } finally {
            devnet.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    private int watch(Devnet devnet, PrintWriter out, PrintWriter err) throws Exception {
        String lastLine = "";
        long agreedWaitStart = -1;
        while (true) {
            devnet.appendPowBlocks();
            Optional<DevnetNode> exited = devnet.exitedNode();
            if (exited.isPresent()) {
                err.println("hn devnet: node" + exited.get().index() + " exited; its log: " + exited.get().logFile());
                tail(exited.get().logFile()).forEach(err::println);
                return 1;
            }
            List<Optional<JsonNode>> statuses = devnet.nodes().stream().map(devnet::status).toList();
            String line = progress(statuses);
            if (!line.equals(lastLine)) {
                out.println(line);
                out.flush();
                lastLine = line;
            }
            if (rounds != null && completed(statuses, rounds + 1) && !forged(statuses)) {
                devnet.close();
                err.println("hn devnet: no block was forged in " + (rounds + 1) + " rounds");
                out.println(new ObjectMapper().writeValueAsString(summary(devnet, statuses)));
                out.flush();
                return 1;
            }
            if (rounds != null && completed(statuses, rounds) && forged(statuses)) {
                if (agreedWaitStart < 0) {
                    agreedWaitStart = System.currentTimeMillis();
                }
                boolean agree = statuses.stream().map(status -> status.get().path("height").asLong() + "/"
                        + status.get().path("block_hash").asText()).distinct().count() == 1;
                // status files are rewritten one after the other: at a round change they differ for a moment
                boolean sameRound = statuses.stream().map(status -> status.get().path("round").asLong())
                        .distinct().count() == 1;
                if (agree && sameRound || System.currentTimeMillis() - agreedWaitStart > AGREEMENT_WAIT_MILLIS) {
                    ObjectNode summary = summary(devnet, statuses);
                    devnet.close();
                    if (!agree) {
                        err.println("hn devnet: the nodes did not agree on a tip within "
                                + AGREEMENT_WAIT_MILLIS / 1000 + " s");
                    }
                    out.println(new ObjectMapper().writeValueAsString(summary));
                    out.flush();
                    return agree ? 0 : 1;
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Whether every node reports at least {@code rounds} completed rounds. */
    private static boolean completed(List<Optional<JsonNode>> statuses, long rounds) {
        return statuses.stream().allMatch(status -> status.isPresent()
                && status.get().path("rounds_completed").asLong() >= rounds);
    }

    /** Whether every node holds a block above the genesis. */
    private static boolean forged(List<Optional<JsonNode>> statuses) {
        return statuses.stream().allMatch(status -> status.isPresent() && status.get().path("height").asLong() >= 1);
    }

    private static String progress(List<Optional<JsonNode>> statuses) {
        StringBuilder line = new StringBuilder();
        Optional<JsonNode> any = statuses.stream().flatMap(Optional::stream).findFirst();
        line.append(any.map(status -> "round " + status.path("round").asLong() + " slot " + status.path("slot").asInt())
                .orElse("starting"));
        for (int i = 0; i < statuses.size(); i++) {
            line.append(" | node").append(i).append(' ');
            Optional<JsonNode> status = statuses.get(i);
            line.append(status.map(s -> "h=" + s.path("height").asLong() + " " + s.path("block_hash").asText("")
                    .substring(0, Math.min(8, s.path("block_hash").asText("").length())) + " " + s.path("state").asText())
                    .orElse("starting"));
        }
        return line.toString();
    }

    private static ObjectNode summary(Devnet devnet, List<Optional<JsonNode>> statuses) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("round", statuses.stream().flatMap(Optional::stream)
                .mapToLong(status -> status.path("round").asLong()).max()
                .orElse(Network.DEVNET.roundAt(System.currentTimeMillis() / 1000.0)));
        ArrayNode nodes = root.putArray("nodes");
        for (int i = 0; i < statuses.size(); i++) {
            DevnetNode node = devnet.nodes().get(i);
            JsonNode status = statuses.get(i).orElseThrow();
            nodes.addObject()
                    .put("address", node.address())
                    .put("port", node.port())
                    .put("height", status.path("height").asLong())
                    .put("block_hash", status.path("block_hash").asText())
                    .put("round", status.path("round").asLong())
                    .put("state", status.path("state").asText());
        }
        return root;
    }

    private static List<String> tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return new ArrayList<>(lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }
}
