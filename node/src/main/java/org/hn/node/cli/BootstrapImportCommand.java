package org.hn.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.archive.ArchiveLimits;
import org.hn.bootstrap.download.ProgressBar;
import org.hn.bootstrap.download.SnapshotDownload;
import org.hn.bootstrap.install.SnapshotImport;
import org.hn.bootstrap.install.SnapshotInstaller;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.bootstrap.verify.SnapshotVerifier;
import org.hn.config.Network;
import org.hn.config.settings.Setting;
import org.hn.config.settings.Settings;
import org.hn.config.settings.SettingsException;
import org.hn.node.daemon.NodeDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hn bootstrap import}: verify an archive, then install its chain atomically. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        header = "Verify a bootstrap archive and install its chain into a data directory.",
        sortOptions = false,
        description = {
            "Fetch the archive (a file, or an http(s) URL: resumable, progress on stderr), verify it",
            "completely, then replace <data>/chain.db in one rename. A data directory whose chain has more",
            "than its genesis is refused unless --force, which keeps the old chain as",
            "chain.db.backup-<unix seconds>. Stop the node first. Trusted signers: --signer, else the data",
            "directory's BOOTSTRAP_SIGNERS, else any.",
            "",
            "Example:",
            "  hn bootstrap import --data ~/.hn --from https://example.org/hn_bs.tar.gz"
        },
        footer = {"", "Exit codes: 0 imported, 1 refused or failed (the reason is printed), 2 bad usage."})
final class BootstrapImportCommand implements Callable<Integer> {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "The node's data directory.")
    private Path data;

    @Option(names = "--from", paramLabel = "FILE|URL", required = true, description = "The archive.")
    private String from;

    @Option(names = "--force", description = "Replace an existing chain (a backup is kept).")
    private boolean force;

    @Option(names = "--signer", paramLabel = "ADDRESS",
            description = "A trusted signer's PoS address (repeatable).")
    private List<String> signers = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Settings settings;
        try {
            settings = Settings.load(data.resolve(Settings.OPERATOR_FILE), System.getenv(), Map.of());
        } catch (SettingsException e) {
            err.println("hn bootstrap import: " + e.getMessage());
            return 2;
        }
        Clock clock = Clock.systemUTC();
        Network network = Network.fromId(settings.text(Setting.NETWORK));
        Set<String> trusted = Set.copyOf(signers.isEmpty() ? settings.list(Setting.BOOTSTRAP_SIGNERS) : signers);
        SnapshotImport importer = new SnapshotImport(network,
                new SnapshotVerifier(ArchiveLimits.DEFAULTS, trusted, clock), new SnapshotInstaller(clock),
                new SnapshotDownload(SnapshotDownload.defaultClient(HTTP_TIMEOUT), HTTP_TIMEOUT,
                        ArchiveLimits.DEFAULTS.maxDatabaseBytes()));
        try {
            SnapshotManifest manifest = importer.run(from, data.resolve(NodeDaemon.CHAIN_FILE), force,
                    new ProgressBar(err), step -> { });
            spec.commandLine().getOut().println("imported " + manifest.network().id() + " round " + manifest.round()
                    + ", height " + manifest.height() + ", tip " + manifest.tipHash() + ", signed by "
                    + manifest.signer());
            return 0;
        } catch (SnapshotException e) {
            err.println();
            err.println("hn bootstrap import: " + e.reason() + ": " + e.getMessage());
            return 1;
        }
    }
}
