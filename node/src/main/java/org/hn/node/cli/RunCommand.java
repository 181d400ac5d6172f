package org.hn.node.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hn.config.settings.Setting;
import org.hn.config.settings.Settings;
import org.hn.config.settings.SettingsException;
import org.hn.node.daemon.DaemonException;
import org.hn.node.daemon.NodeDaemon;
import org.hn.node.logging.LogSetup;
import ch.qos.logback.classic.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hn run}: the hypernode daemon ({@code DESIGN.md §1}). */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        header = "Run the hypernode daemon.",
        sortOptions = false,
        description = {
            "Run the hypernode: read registrations from the PoW ledger, compute each round's forging",
            "schedule, gossip with peers, forge in our slots and keep the chain in <data>/chain.db.",
            "",
            "Settings come from the defaults, then <data>/hn.conf (KEY=VALUE lines), then HN_<KEY>",
            "environment variables, then --set options; the effective values are logged at start.",
            "The PoS wallet is <data>/poswallet.json; it is created on first start if missing: back it up.",
            "Logs go to the standard error (and LOG_DIR/hn.log if set), as text or JSON lines (LOG_FORMAT).",
            "Prometheus metrics are served at http://127.0.0.1:<METRICS_PORT>/metrics when METRICS_PORT is set.",
            "",
            "Examples:",
            "  hn run --data ~/.hn --set POW_LEDGER_DB=~/Bismuth/static/ledger.db",
            "  hn run --data ~/.hn --log-format json --set METRICS_PORT=9469 --set LOG=connections,mempool"
        },
        footer = {"", "Stops cleanly on SIGTERM or Ctrl-C. Exit codes: 0 stopped, 1 could not start, 2 bad usage."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "The node's data directory.")
    private Path data;

    @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Override a setting (repeatable), e.g. --set PORT=7000.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "Log lines as 'text' or 'json' (the same as --set LOG_FORMAT=FORMAT).")
    private String logFormat;

    @Override
    public Integer call() throws InterruptedException {
        if (logFormat != null) {
            overrides.put(Setting.LOG_FORMAT.key(), logFormat);
        }
        Settings settings;
        try {
            settings = Settings.load(data.resolve(Settings.OPERATOR_FILE), System.getenv(), overrides);
            // a daemon reports its rounds and blocks; the command-line default is quieter
            String level = System.getenv("HN_LOG_LEVEL");
            LogSetup.apply(settings, data, level == null ? Level.INFO : Level.toLevel(level, Level.INFO));
        } catch (SettingsException e) {
            spec.commandLine().getErr().println("hn run: " + e.getMessage());
            return 2;
        }
        NodeDaemon daemon;
        try {
            daemon = NodeDaemon.start(data, settings, Clock.systemUTC());
        } catch (DaemonException e) {
            spec.commandLine().getErr().println("hn run: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "hn-stop"));
        stopped.await();
        return 0;
    }
}
