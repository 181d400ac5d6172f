package org.hn.node.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.wallet.PosWallet;
import org.hn.config.Network;
import org.hn.config.settings.Settings;
import org.hn.pow.devnet.DevnetHypernode;
import org.hn.pow.devnet.DevnetLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away network of hypernodes on loopback ({@code DESIGN.md §1}): a PoW ledger in the Bismuth schema with
 * one funded registration per node, appended every {@link #POW_BLOCK_INTERVAL} by this process, a wallet and an
 * {@code hn.conf} per node, and one {@code hn run} process per node.
 */
public final class Devnet implements AutoCloseable {

    /** Time between devnet PoW blocks: fast enough for 21 confirmations within one two-minute round. */
    public static final Duration POW_BLOCK_INTERVAL = Duration.ofSeconds(2);
    /** PoW history written before now, so the current round's reference block is confirmed from the start. */
    private static final Duration POW_HISTORY = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(Devnet.class);

    private final Path dir;
    private final List<DevnetNode> nodes;
    private final DevnetLedger ledger;
    private final Clock clock;
    private final Map<Integer, Process> processes = new ConcurrentHashMap<>();

    private Devnet(Path dir, List<DevnetNode> nodes, DevnetLedger ledger, Clock clock) {
        this.dir = dir;
        this.nodes = List.copyOf(nodes);
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Creates the devnet's files in an empty or new directory: a wallet and {@code hn.conf} per node and the PoW
     * ledger with their registrations.
     *
     * @param basePort node i listens on {@code basePort + i}
     * @throws IOException  when the directory is not empty or a file cannot be written
     * @throws SQLException when the ledger cannot be written
     */
    public static Devnet create(Path dir, int nodeCount, int basePort, Clock clock) throws IOException, SQLException {
        Files.createDirectories(dir);
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IOException(dir + " is not empty; give an empty or new directory");
            }
        }
        SecureRandom random = new SecureRandom();
        List<DevnetNode> nodes = new ArrayList<>();
        List<DevnetHypernode> registrations = new ArrayList<>();
        Path ledgerFile = dir.resolve("ledger.db").toAbsolutePath();
        for (int i = 0; i < nodeCount; i++) {
            Path nodeDir = dir.resolve("node" + i);
            PosWallet wallet = PosWallet.of(PrivateKey.generate(random), Network.DEVNET.networkId(),
                    clock.millis() / 1000);
            wallet.create(nodeDir.resolve(PosWallet.FILE_NAME));
            DevnetHypernode registration = DevnetHypernode.loopback(i, basePort, wallet.address());
            registrations.add(registration);
            DevnetNode node = new DevnetNode(i, wallet.address(), registration.ip(), registration.port(), nodeDir);
            Files.writeString(nodeDir.resolve(Settings.OPERATOR_FILE), configuration(node, ledgerFile),
                    StandardCharsets.UTF_8);
            nodes.add(node);
        }
        DevnetLedger ledger = DevnetLedger.create(ledgerFile, registrations, POW_BLOCK_INTERVAL, POW_HISTORY,
                Duration.ofSeconds(10), clock);
        return new Devnet(dir, nodes, ledger, clock);
    }

    private static String configuration(DevnetNode node, Path ledgerFile) {
        return "# written by hn devnet\n"
                + "NETWORK=devnet\n"
                + "BIND=" + node.ip() + "\n"
                + "PORT=" + node.port() + "\n"
                + "POW_LEDGER_DB=" + ledgerFile + "\n"
                + "WAIT=1\n"
                + "STATUS_EVERY=2\n"
                + "PEER_RETRY_SECONDS=3\n"
                + "LEGACY_CLIENTS_FROM=127.0.0.1;::1\n";
    }

    /** Appends the PoW blocks due by now. */
    public void appendPowBlocks() throws SQLException {
        ledger.appendBlocksUntil(clock.instant());
    }

    /**
     * Starts one {@code hn run} process per node with this JVM's Java and class path.
     *
     * @param jvmOptions options for each node's JVM, e.g. {@code -Xmx128m}
     */
    public void startNodes(List<String> jvmOptions) throws IOException {
        for (DevnetNode node : nodes) {
            start(node, jvmOptions);
        }
    }

    /**
     * Starts (or restarts) one node's {@code hn run} process; its output is appended to its log.
     *
     * @param jvmOptions options for the node's JVM, e.g. {@code -Xmx128m}
     */
    public void start(DevnetNode node, List<String> jvmOptions) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.hn.node.cli.HnCommand",
                "run", "--data", node.dir().toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(node.logFile().toFile()));
        processes.put(node.index(), builder.start());
    }

    /** Kills a node's process at once (SIGKILL), as a crash would. */
    public void kill(DevnetNode node) throws InterruptedException {
        Process process = processes.remove(node.index());
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** A started node whose process has exited, if any. */
    public Optional<DevnetNode> exitedNode() {
        return processes.entrySet().stream().filter(entry -> !entry.getValue().isAlive())
                .map(entry -> nodes.get(entry.getKey())).findFirst();
    }

    /** The {@code hn} section of a node's last status file, or empty before its first status. */
    public Optional<JsonNode> status(DevnetNode node) {
        try {
            JsonNode root = JSON.readTree(node.statusFile().toFile());
            return Optional.ofNullable(root.get("hn"));
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }

    public List<DevnetNode> nodes() {
        return nodes;
    }

    public Path dir() {
        return dir;
    }

    /** Stops the node processes (SIGTERM, then a kill after 15 s) and closes the ledger. */
    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            ledger.close();
        } catch (SQLException e) {
            LOG.warn("the devnet ledger {} did not close cleanly: {}", dir.resolve("ledger.db"), e.getMessage());
        }
    }
}
