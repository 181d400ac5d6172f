package org.hn.node.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.create.SnapshotCreator;
import org.hn.bootstrap.manifest.SnapshotManifest;
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

/** {@code hn bootstrap create}: a signed archive of a node's chain, safe while the node runs. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        header = "Create a signed bootstrap archive of a node's chain (the node may be running).",
        sortOptions = false,
        description = {
            "Copy <data>/chain.db consistently (SQLite VACUUM INTO, safe while the node writes), cut the",
            "copy at the end of round R-2 (R: the current round) unless --round is given, and pack it with",
            "a manifest signed by <data>/poswallet.json. The network is the data directory's NETWORK.",
            "",
            "Example:",
            "  hn bootstrap create --data ~/.hn --out /var/www/hn_bs.tar.gz"
        },
        footer = {"", "Exit codes: 0 created, 1 failed, 2 bad usage."})
final class BootstrapCreateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "The node's data directory.")
    private Path data;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The archive to write.")
    private Path out;

    @Option(names = "--round", paramLabel = "R", description = "Cut after this round (default: current round - 2).")
    private Long round;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        try {
            Network network = Network.fromId(Settings.load(data.resolve(Settings.OPERATOR_FILE), System.getenv(),
                    Map.of()).text(Setting.NETWORK));
            Path walletFile = data.resolve(PosWallet.FILE_NAME);
            if (!Files.isRegularFile(walletFile)) {
                err.println("hn bootstrap create: no PoS wallet at " + walletFile);
                return 1;
            }
            PosWallet wallet = PosWallet.read(walletFile, network.networkId());
            long cutRound = round != null ? round : SnapshotCreator.cutRoundAt(network, clock.millis() / 1000);
            SnapshotManifest manifest = new SnapshotCreator(network, wallet.key(), clock)
                    .create(data.resolve(NodeDaemon.CHAIN_FILE), cutRound, out);
            spec.commandLine().getOut().println("created " + out + ": " + manifest.network().id() + " round "
                    + manifest.round() + ", height " + manifest.height() + ", tip " + manifest.tipHash()
                    + ", signed by " + manifest.signer());
            return 0;
        } catch (SettingsException e) {
            err.println("hn bootstrap create: " + e.getMessage());
            return 2;
        } catch (WalletException e) {
            err.println("hn bootstrap create: " + e.getMessage());
            return 1;
        } catch (SnapshotException e) {
            err.println("hn bootstrap create: " + e.reason() + ": " + e.getMessage());
            return 1;
        }
    }
}
