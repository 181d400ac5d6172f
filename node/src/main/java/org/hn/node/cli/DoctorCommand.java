package org.hn.node.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hn.chain.wallet.PosWallet;
import org.hn.chain.wallet.WalletException;
import org.hn.config.Network;
import org.hn.config.settings.Setting;
import org.hn.config.settings.Settings;
import org.hn.config.settings.SettingsException;
import org.hn.node.auth.NodeSecret;
import org.hn.node.daemon.LedgerFreshness;
import org.hn.node.doctor.Check;
import org.hn.node.doctor.ClockCheck;
import org.hn.node.doctor.CommonsNetNtpSource;
import org.hn.node.doctor.DiskSpaceCheck;
import org.hn.node.doctor.DoctorReport;
import org.hn.node.doctor.FileModeCheck;
import org.hn.node.doctor.Finding;
import org.hn.node.doctor.JavaVersionCheck;
import org.hn.node.doctor.ListeningPortCheck;
import org.hn.node.doctor.MemoryCheck;
import org.hn.node.doctor.PowLedgerCheck;
import org.hn.node.doctor.PublicPortCheck;
import org.hn.node.doctor.RegistrationCheck;
import org.hn.node.doctor.Verdict;
import org.hn.node.doctor.WriteLatencyCheck;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationFold;
import org.hn.registry.registration.RuleProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hn doctor}: the operator's health check, each finding with a fix ({@code DESIGN.md §1}). */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        header = "Check the machine and the node's setup; say how to fix what is wrong.",
        sortOptions = false,
        description = {
            "Check, without changing anything: the settings file, the clock against NTP, the peer port,",
            "the PoW ledger's freshness, the node's registration and weight, free disk space, the data",
            "directory's write latency (slow SD cards), memory, the Java version, and the modes of",
            "poswallet.json and jwt.secret (0600).",
            "",
            "Each check prints ok, warn, fail or unknown (could not tell, e.g. offline) and a fix.",
            "",
            "Example:",
            "  hn doctor --data ~/.hn --public-address 198.51.100.7"
        },
        footer = {"", "Exit codes: 0 no check failed, 1 a check failed, 2 bad usage."})
final class DoctorCommand implements Callable<Integer> {

    /** NTP servers asked when none is given. */
    static final List<String> DEFAULT_NTP_SERVERS = List.of("pool.ntp.org", "time.cloudflare.com");

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "The node's data directory (default: ~/.hn).")
    private Path data;

    @Option(names = "--json", description = "Print one JSON document instead of text, for monitoring.")
    private boolean json;

    @Option(names = "--ntp-server", paramLabel = "HOST[:PORT]",
            description = "An NTP server to check the clock against (repeatable; default: pool.ntp.org, then"
                    + " time.cloudflare.com).")
    private List<String> ntpServers = new ArrayList<>();

    @Option(names = "--public-address", paramLabel = "HOST",
            description = "The address peers reach this node at (its registered IP): test the peer port there.")
    private String publicAddress;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "2",
            description = "Wait at most this long for each NTP server and each connection (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (timeoutSeconds < 1) {
            spec.commandLine().getErr().println("hn doctor: --timeout must be at least 1 second");
            return 2;
        }
        Path dataDir = data != null ? data : Path.of(System.getProperty("user.home"), ".hn");
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Clock clock = Clock.systemUTC();
        List<Finding> before = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        Path operatorFile = dataDir.resolve(Settings.OPERATOR_FILE);
        Settings settings = null;
        try {
            settings = Settings.load(operatorFile, System.getenv(), Map.of());
            before.add(Finding.ok("settings", "network " + settings.text(Setting.NETWORK) + ", port "
                    + settings.integer(Setting.PORT) + (Files.exists(operatorFile) ? ", from " + operatorFile
                    : ", the defaults (no " + operatorFile + ")")));
        } catch (SettingsException e) {
            before.add(Finding.fail("settings", e.getMessage(), "correct " + operatorFile
                    + "; every key and its default is in docs/operator-guide.md §5"));
        }
        checks.add(new ClockCheck(new CommonsNetNtpSource(),
                ntpServers.isEmpty() ? DEFAULT_NTP_SERVERS : ntpServers, timeout));
        if (settings != null) {
            addNodeChecks(checks, before, settings, dataDir, timeout, clock);
        }
        checks.add(DiskSpaceCheck.of(dataDir));
        checks.add(new WriteLatencyCheck(dataDir, System::nanoTime));
        checks.add(MemoryCheck.ofThisMachine());
        checks.add(JavaVersionCheck.ofThisJvm());
        checks.add(new FileModeCheck(dataDir.resolve(PosWallet.FILE_NAME), Verdict.FAIL,
                "start the node once ('hn run --data DIR') to create it, or restore your backup"));
        checks.add(new FileModeCheck(dataDir.resolve(NodeSecret.FILE_NAME), Verdict.WARN,
                "nothing to do before the first start, which creates it"));
        DoctorReport report = DoctorReport.examine(before, checks);
        if (json) {
            out.println(report.toJson());
        } else {
            report.textLines().forEach(out::println);
        }
        out.flush();
        return report.exitCode();
    }

    private void addNodeChecks(List<Check> checks, List<Finding> before, Settings settings, Path dataDir,
                               Duration timeout, Clock clock) {
        Network network = Network.fromId(settings.text(Setting.NETWORK));
        int port = settings.integer(Setting.PORT);
        checks.add(new ListeningPortCheck(localAddress(settings.text(Setting.BIND), port), timeout));
        checks.add(new PublicPortCheck(publicAddress == null ? null : new InetSocketAddress(publicAddress, port),
                port, timeout));
        Path ledgerFile = dataDir.resolve(settings.text(Setting.POW_LEDGER_DB)).normalize();
        SqlitePowLedger ledger = new SqlitePowLedger(ledgerFile);
        checks.add(new PowLedgerCheck(ledger, new LedgerFreshness(ledger), ledgerFile.toString(), clock));
        RegistrationCache registry = new RegistrationCache(RegistrationFold.forNetwork(
                RuleProfile.ofSetting(settings.text(Setting.REGISTRY_PROFILE), network), network, ledger), 1);
        checks.add(new RegistrationCheck(walletAddress(dataDir, network, before), registry, network, port, clock));
    }

    /** Where a local client reaches the node: the bound address, or loopback when it listens on every interface. */
    private static InetSocketAddress localAddress(String bind, int port) {
        try {
            InetAddress address = InetAddress.getByName(bind);
            return new InetSocketAddress(address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address, port);
        } catch (UnknownHostException e) {
            return InetSocketAddress.createUnresolved(bind, port);
        }
    }

    /**
     * The wallet's address, or null when there is none (the mode check reports a missing file) or it cannot be used,
     * which adds a failed {@code wallet} finding to {@code before}.
     */
    private static String walletAddress(Path dataDir, Network network, List<Finding> before) {
        Path file = dataDir.resolve(PosWallet.FILE_NAME);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return PosWallet.read(file, network.networkId()).address();
        } catch (WalletException e) {
            before.add(Finding.fail("wallet", e.getMessage(), "restore " + file + " from your backup: the node"
                    + " refuses to start with it"));
            return null;
        }
    }
}
