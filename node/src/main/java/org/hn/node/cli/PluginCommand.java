package org.hn.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hn.config.Network;
import org.hn.plugin.Companion;
import org.hn.plugin.CompanionSettings;
import org.hn.plugin.poll.PollReport;
import org.hn.plugin.snapshot.RoundSnapshot;
import org.hn.plugin.snapshot.SnapshotDirectory;
import org.hn.registry.registration.RuleProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code hn plugin}: the companion beside a PoW node ({@code DESIGN.md §5}, {@code spec/pow.md §7–§9}). Runs until
 * interrupted; SIGTERM and Ctrl-C stop the server and the poller through a shutdown hook.
 */
@Command(
        name = "plugin",
        header = "Run the companion service beside a Bismuth PoW node.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run the companion beside a Bismuth PoW node. It reads the node's ledger.db (read-only, never "
                    + "blocking the node) and, every --interval, writes into DIR:",
            "",
            "  hnrounds/<R>.json  registered hypernodes of the current round R (and of",
            "                     R+1 once its reference block has 21 confirmations),",
            "                     in the reference's HN_reg_round shape; the last",
            "                     --keep rounds are kept",
            "  allowlist.txt      IPs of the current round's hypernodes, one a line,",
            "                     for firewalls",
            "  colored.json       colored lists published by the PoW control address",
            "                     (confirmed ones only)",
            "  powstatus.json     last PoW block, its age, and \"synced\" (younger",
            "                     than 15 minutes)",
            "",
            "Every file is replaced atomically. A late or unreadable ledger is logged once and the previous "
                    + "files stay in place until it recovers.",
            "",
            "It also answers hypernodes on --listen like the reference's PoW node plugin (HN_plugin_version, "
                    + "HN_last_block_ts, HN_block_before_ts, HN_reg_round): point a hypernode's POW_IP and "
                    + "POW_PORT at it.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  hn plugin --ledger ~/Bismuth/static/ledger.db",
            "      files in ~/Bismuth, service on 127.0.0.1:5659",
            "  hn plugin --ledger /srv/pow/static/ledger.db --listen 0.0.0.0:5659",
            "      serve hypernodes on other machines (firewall the port: allowlist.txt)",
            "  hn plugin --ledger ledger.db --dir /tmp/hn --once",
            "      write the files once and exit (1 when the ledger is late or unreadable)"
        })
final class PluginCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--ledger", required = true, paramLabel = "FILE",
            description = "The PoW node's full ledger, static/ledger.db (never hyper.db).")
    private Path ledger;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the files go. Default: the PoW node's folder (the parent of static/), "
                    + "else the ledger's folder.")
    private Path directory;

    @Option(names = "--network", defaultValue = "mainnet", paramLabel = "NETWORK",
            description = "mainnet, testnet or devnet: round arithmetic and PoS addresses (default: ${DEFAULT-VALUE}).")
    private String network;

    @Option(names = "--profile", defaultValue = "compat", paramLabel = "PROFILE",
            description = "Registration rules: compat (the reference's, required while reference hypernodes share "
                    + "the network) or strict (pow.md §5.5). Every node of a network must use the same "
                    + "(default: ${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--listen", defaultValue = "127.0.0.1:5659", paramLabel = "HOST:PORT",
            description = "Address of the read-only service; port 0 picks a free one (default: ${DEFAULT-VALUE}; "
                    + "the PoW node itself uses 5658).")
    private String listen;

    @Option(names = "--keep", defaultValue = "" + SnapshotDirectory.DEFAULT_KEEP, paramLabel = "N",
            description = "Round snapshots kept in hnrounds/, at least 2 (default: ${DEFAULT-VALUE}).")
    private int keep;

    @Option(names = "--interval", defaultValue = "30", paramLabel = "SECONDS",
            description = "Seconds between two refreshes of the files (default: ${DEFAULT-VALUE}).")
    private long intervalSeconds;

    @Option(names = "--once", description = "Write the files once and exit, without serving.")
    private boolean once;

    @Override
    public Integer call() {
        CompanionSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        Companion companion = new Companion(settings, Clock.systemUTC(), (snapshot, file) -> announce(out, snapshot,
                file));
        if (once) {
            PollReport report = companion.pollOnce();
            report.problem().ifPresent(problem -> spec.commandLine().getErr().println("hn plugin: " + problem));
            return report.problem().isPresent() ? 1 : 0;
        }
        return serve(companion, settings, out);
    }

    private int serve(Companion companion, CompanionSettings settings, PrintWriter out) {
        InetSocketAddress bound;
        try {
            bound = companion.start();
        } catch (IOException e) {
            spec.commandLine().getErr().println("hn plugin: cannot listen on " + listen + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            companion.close();
            stopped.countDown();
        }, "hn-plugin-shutdown"));
        out.println("hn plugin: serving on " + bound.getHostString() + ":" + bound.getPort() + ", writing "
                + settings.directory() + " every " + settings.pollInterval().toSeconds() + " s (Ctrl-C to stop)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            companion.close();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void announce(PrintWriter out, RoundSnapshot snapshot, Path file) {
        out.println("round " + snapshot.round() + ": " + snapshot.status() + " (reference block "
                + snapshot.state().scannedThrough() + ") -> " + file);
        out.flush();
    }

    private CompanionSettings settings() {
        Network chosenNetwork;
        RuleProfile chosenProfile;
        try {
            chosenNetwork = Network.fromId(network);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--network: " + e.getMessage());
        }
        try {
            chosenProfile = RuleProfile.valueOf(profile.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--profile: unknown profile '" + profile
                    + "' (expected compat or strict)");
        }
        if (keep < CompanionSettings.MIN_KEEP) {
            throw new ParameterException(spec.commandLine(), "--keep must be at least " + CompanionSettings.MIN_KEEP
                    + " (the current and the next round): " + keep);
        }
        if (intervalSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--interval must be at least 1 second: "
                    + intervalSeconds);
        }
        return new CompanionSettings(ledger, directory == null ? defaultDirectory(ledger) : directory, chosenNetwork,
                chosenProfile, listenAddress(), keep, Duration.ofSeconds(intervalSeconds));
    }

    /** The PoW node's folder for {@code <base>/static/ledger.db}, else the ledger's own folder. */
    private static Path defaultDirectory(Path ledgerFile) {
        Path folder = ledgerFile.toAbsolutePath().getParent();
        Path base = folder.getParent();
        return folder.getFileName() != null && folder.getFileName().toString().equals("static") && base != null
                ? base : folder;
    }

    private InetSocketAddress listenAddress() {
        int colon = listen.lastIndexOf(':');
        String host = colon < 0 ? "" : listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (colon < 0 || host.isEmpty() || port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--listen: expected HOST:PORT with a port 0–65535, got '"
                    + listen + "'");
        }
        return new InetSocketAddress(host, port);
    }
}
