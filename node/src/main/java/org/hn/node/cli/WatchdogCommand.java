package org.hn.node.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.hn.node.daemon.NodeDaemon;
import org.hn.node.supervise.CommandProbe;
import org.hn.node.supervise.ExternalCommand;
import org.hn.node.supervise.SystemctlService;
import org.hn.node.supervise.Watchdog;
import org.hn.node.supervise.WatchdogDecision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hn watchdog}: one check of the hn service, restarting it if it is missing or frozen. */
@Command(
        name = "watchdog",
        mixinStandardHelpOptions = true,
        header = "Restart the hn service if it is missing or frozen (run every minute by cron).",
        sortOptions = false,
        description = {
            "Checks the node once and prints its decision: a stopped service (systemctl stop) is left",
            "alone, a failed one restarted; a node whose <data>/status.json is older than --frozen-after",
            "is frozen and restarted; a node with a fresh status that does not answer 'hn status' is",
            "restarted, except during its own forging slot; a node that answers is left alone.",
            "",
            "Example (the packaged cron job):",
            "  hn watchdog --data /var/lib/hn"
        },
        footer = {"", "Exit codes: 0 checked (restarted or not), 1 a restart failed, 2 bad usage."})
final class WatchdogCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "The node's data directory.")
    private Path data;

    @Option(names = "--unit", paramLabel = "NAME", defaultValue = "hn",
            description = "The systemd unit (default: ${DEFAULT-VALUE}).")
    private String unit;

    @Option(names = "--systemctl", paramLabel = "PROGRAM", defaultValue = "systemctl", hidden = true)
    private String systemctl;

    @Option(names = "--probe", paramLabel = "COMMAND", defaultValue = "hn status --json",
            description = "The status command; exit 0 ok, 2 unreachable, 3 refused, 4 unhealthy"
                    + " (default: ${DEFAULT-VALUE}).")
    private String probe;

    @Option(names = "--frozen-after", paramLabel = "SECONDS", defaultValue = "150",
            description = "A status older than this is frozen (default: ${DEFAULT-VALUE}).")
    private long frozenAfter;

    @Option(names = "--start-grace", paramLabel = "SECONDS", defaultValue = "180",
            description = "Time a starting node has to write its first status (default: ${DEFAULT-VALUE}).")
    private long startGrace;

    @Override
    public Integer call() {
        Watchdog watchdog = new Watchdog(data.resolve(NodeDaemon.STATUS_FILE),
                new CommandProbe(new ExternalCommand(List.of(probe.trim().split("\\s+")), Duration.ofSeconds(30))),
                new SystemctlService(systemctl, unit),
                new Watchdog.Limits(Duration.ofSeconds(frozenAfter), Duration.ofSeconds(startGrace)),
                Clock.systemUTC());
        WatchdogDecision decision = watchdog.check();
        spec.commandLine().getOut().println(decision);
        spec.commandLine().getOut().flush();
        return decision.action() == WatchdogDecision.Action.RESTART_FAILED ? 1 : 0;
    }
}
