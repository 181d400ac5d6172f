package org.hn.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hn.chain.store.RoundHistory;
import org.hn.chain.store.RoundStats;
import org.hn.chain.store.RoundSummary;
import org.hn.chain.store.StoreException;
import org.hn.chain.wallet.PosWallet;
import org.hn.chain.wallet.WalletException;
import org.hn.config.Network;
import org.hn.config.settings.Setting;
import org.hn.config.settings.Settings;
import org.hn.config.settings.SettingsException;
import org.hn.node.daemon.NodeDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hn rounds}: the per-round stats a node recorded ({@code DESIGN.md §6}), read-only from its chain database,
 * so it works while the node runs.
 */
@Command(
        name = "rounds",
        mixinStandardHelpOptions = true,
        header = "Show the rounds a node recorded: blocks, forgers, messages, tests, late peers, traffic, uptime.",
        sortOptions = false,
        description = {
            "Reads <data>/chain.db read-only (safe while 'hn run' uses it) and prints, for each of the last",
            "rounds the node saw end: the round's blocks and forgers, the PoS messages they carry, the test",
            "results this node sent and received in them, how many peers were behind our tip at the round's end,",
            "the bytes and protocol messages exchanged with peers, the node's uptime and its process starts.",
            "Our address (for the tests) is read from <data>/poswallet.json, the network from <data>/hn.conf",
            "unless --network is given.",
            "",
            "Examples:",
            "  hn rounds --data ~/.hn",
            "  hn rounds --data ~/.hn --last 3 --json"
        },
        footer = {"", "Exit codes: 0 printed, 1 the data directory cannot be read, 2 bad usage."})
final class RoundsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ".",
            description = "The node's data directory (default: the current directory).")
    private Path data;

    @Option(names = "--last", paramLabel = "N", defaultValue = "10",
            description = "How many of the last recorded rounds to show (default: ${DEFAULT-VALUE}).")
    private int last;

    @Option(names = "--network", paramLabel = "NETWORK", converter = NetworkConverter.class,
            description = "mainnet, testnet or devnet (default: NETWORK of <data>/hn.conf, else mainnet).")
    private Network network;

    @Option(names = "--json", description = "One JSON object {\"rounds\": [...]} on one line, oldest round first.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (last <= 0) {
            err.println("hn rounds: --last must be at least 1, got " + last);
            return 2;
        }
        List<RoundSummary> rounds;
        try {
            Network chosen = network != null ? network : Network.fromId(Settings.load(
                    data.resolve(Settings.OPERATOR_FILE), System.getenv(), Map.of()).text(Setting.NETWORK));
            String me = PosWallet.read(data.resolve(PosWallet.FILE_NAME), chosen.networkId()).address();
            try (RoundHistory history = RoundHistory.open(data.resolve(NodeDaemon.CHAIN_FILE))) {
                rounds = history.lastRounds(last, me);
            }
        } catch (SettingsException | WalletException | StoreException e) {
            err.println("hn rounds: " + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode array = root.putArray("rounds");
            for (RoundSummary round : rounds) {
                array.add(toJson(round));
            }
            out.println(root);
        } else {
            printTable(out, rounds);
        }
        out.flush();
        return 0;
    }

    private static ObjectNode toJson(RoundSummary summary) {
        RoundStats stats = summary.stats();
        ObjectNode node = JSON.createObjectNode();
        node.put("round", stats.round());
        node.put("blocks", summary.blocks());
        ArrayNode forgers = node.putArray("forgers");
        summary.forgers().forEach(forgers::add);
        node.put("messages", summary.posMessages());
        node.put("tests_sent", summary.testsSent());
        node.put("tests_received", summary.testsReceived());
        JsonNode late = parsed(stats.latePeers());
        node.put("peers_late", late.size());
        node.set("late_peers", late);
        node.put("bytes_sent", stats.bytesSent());
        node.put("bytes_received", stats.bytesReceived());
        node.put("wire_messages_sent", stats.messagesSent());
        node.put("wire_messages_received", stats.messagesReceived());
        node.put("uptime_seconds", stats.uptimeSeconds());
        node.put("restarts", stats.restarts());
        return node;
    }

    /** The node wrote this JSON itself; a damaged value shows as an empty object rather than failing the listing. */
    private static JsonNode parsed(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static void printTable(PrintWriter out, List<RoundSummary> rounds) {
        if (rounds.isEmpty()) {
            out.println("no round recorded yet: a round is recorded when the next one starts");
            return;
        }
        out.printf("%8s %6s %7s %6s %6s %6s %5s %10s %10s %8s %8s %9s %8s%n", "round", "blocks", "forgers", "msgs",
                "tests>", "tests<", "late", "bytes out", "bytes in", "msgs out", "msgs in", "uptime", "restarts");
        for (RoundSummary round : rounds) {
            RoundStats stats = round.stats();
            out.printf("%8d %6d %7d %6d %6d %6d %5d %10d %10d %8d %8d %9s %8d%n", stats.round(), round.blocks(),
                    round.forgers().stream().distinct().count(), round.posMessages(), round.testsSent(),
                    round.testsReceived(), parsed(stats.latePeers()).size(), stats.bytesSent(), stats.bytesReceived(),
                    stats.messagesSent(), stats.messagesReceived(), duration(stats.uptimeSeconds()), stats.restarts());
        }
    }

    private static String duration(long seconds) {
        return String.format("%dh%02dm", seconds / 3600, seconds / 60 % 60);
    }
}
