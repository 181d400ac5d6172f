package org.hn.node.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hn.node.supervise.CommandProbe;
import org.hn.node.supervise.ExternalCommand;
import org.hn.node.supervise.SystemctlService;
import org.hn.node.update.ReleaseDownloader;
import org.hn.node.update.ReleaseKey;
import org.hn.node.update.ReleaseStore;
import org.hn.node.update.UpdateException;
import org.hn.node.update.UpdateOutcome;
import org.hn.node.update.Updater;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hn update}: installs a newer signed release, with automatic rollback. */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        header = "Install a newer signed release, switch to it, roll back if it is unhealthy.",
        sortOptions = false,
        description = {
            "Fetches manifest.json (and manifest.json.sig) from the first mirror whose manifest is signed",
            "by the release key; if it names a newer version, downloads the jar (resuming an earlier",
            "download), checks its SHA-256, installs it as <releases>/releases/<version>/hn.jar, points",
            "<releases>/current at it and restarts the service. If 'hn status' does not report healthy",
            "within --health-timeout, switches back and never tries that release again.",
            "Only this command installs releases: no network message can start an update.",
            "",
            "Example (what the packaged hn-update runs):",
            "  hn update --manifest-url https://example.org/hn/manifest.json \\",
            "            --release-key /usr/share/hn/release-key.pub --releases /var/lib/hn-releases"
        },
        footer = {"", "Exit codes: 0 up to date, installed or busy, 1 refused or rolled back, 2 bad usage."})
final class UpdateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--manifest-url", paramLabel = "URL", required = true,
            description = "A release manifest URL (repeatable: mirrors, tried in order).")
    private List<URI> manifestUrls = new ArrayList<>();

    @Option(names = "--release-key", paramLabel = "FILE", required = true,
            description = "The pinned release public key.")
    private Path releaseKey;

    @Option(names = "--releases", paramLabel = "DIR", required = true,
            description = "The release folder (releases/<version>/, current).")
    private Path releases;

    @Option(names = "--unit", paramLabel = "NAME", defaultValue = "hn",
            description = "The systemd unit to restart (default: ${DEFAULT-VALUE}).")
    private String unit;

    @Option(names = "--systemctl", paramLabel = "PROGRAM", defaultValue = "systemctl", hidden = true)
    private String systemctl;

    @Option(names = "--probe", paramLabel = "COMMAND", defaultValue = "hn status --json",
            description = "The health command, exit 0 when healthy (default: ${DEFAULT-VALUE}).")
    private String probe;

    @Option(names = "--health-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "Time the restarted node has to report healthy (default: ${DEFAULT-VALUE}).")
    private long healthTimeout;

    @Override
    public Integer call() throws InterruptedException {
        ReleaseKey key;
        try {
            key = ReleaseKey.read(releaseKey);
        } catch (IOException e) {
            spec.commandLine().getErr().println("hn update: " + e.getMessage());
            return 1;
        }
        Updater updater = new Updater(new Updater.Parts(manifestUrls, key, new ReleaseStore(releases),
                new ReleaseDownloader(Duration.ofSeconds(30)), new SystemctlService(systemctl, unit),
                new CommandProbe(new ExternalCommand(List.of(probe.trim().split("\\s+")), Duration.ofSeconds(30))),
                Duration.ofSeconds(healthTimeout), Duration.ofSeconds(5), pause -> Thread.sleep(pause.toMillis())));
        try {
            UpdateOutcome outcome = updater.run();
            spec.commandLine().getOut().println(outcome);
            return outcome.result() == UpdateOutcome.Result.ROLLED_BACK ? 1 : 0;
        } catch (UpdateException e) {
            spec.commandLine().getErr().println("hn update: refused: " + e.getMessage());
            return 1;
        }
    }
}
