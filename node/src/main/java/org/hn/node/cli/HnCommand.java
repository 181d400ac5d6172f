package org.hn.node.cli;

import org.hn.node.cli.client.AddTxsCommand;
import org.hn.node.cli.client.BlockCommand;
import org.hn.node.cli.client.HeadersCommand;
import org.hn.node.cli.client.HeightsCommand;
import org.hn.node.cli.client.HypernodesCommand;
import org.hn.node.cli.client.KeygenCommand;
import org.hn.node.cli.client.MempoolCommand;
import org.hn.node.cli.client.PeersCommand;
import org.hn.node.cli.client.RoundCommand;
import org.hn.node.cli.client.StatusCommand;
import org.hn.node.cli.client.TokenCommand;
import org.hn.node.cli.client.TxCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hn} executable: one picocli command with a subcommand per job ({@code DESIGN.md §1}).
 *
 * <p>Exit codes follow picocli: 0 success, 1 a failure the command reports itself, 2 bad usage; the client
 * queries ({@code status}, {@code heights}, …) have their own, listed in their help.
 */
@Command(
        name = "hn",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "hn — a hypernode for the Bismuth PoS chain.",
            "",
            "Start with 'hn devnet' to watch a local network of hypernodes forge, or run",
            "'hn <command> --help' for the details of one command."
        },
        subcommands = {
            DevnetCommand.class,
            RunCommand.class,
            StatusCommand.class,
            HeightsCommand.class,
            RoundCommand.class,
            RoundsCommand.class,
            HypernodesCommand.class,
            BlockCommand.class,
            HeadersCommand.class,
            TxCommand.class,
            AddTxsCommand.class,
            MempoolCommand.class,
            PeersCommand.class,
            KeygenCommand.class,
            TokenCommand.class,
            DoctorCommand.class,
            PeerCommand.class,
            BootstrapCommand.class,
            RegistryCommand.class,
            PluginCommand.class,
            VerifyMessagesCommand.class,
            WatchdogCommand.class,
            UpdateCommand.class,
            ReleaseCommand.class,
            CommandLine.HelpCommand.class
        })
public final class HnCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with its subcommands; tests use this to run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new HnCommand()).setCaseInsensitiveEnumValuesAllowed(true).setUsageHelpWidth(100);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
