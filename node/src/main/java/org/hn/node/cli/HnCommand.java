package org.hn.node.cli;

import java.util.List;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

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
        return configure(new CommandLine(new HnCommand()));
    }

    /**
     * The command line that runs {@code args}. When they start with the name of a subcommand other than
     * {@code help}, only that subcommand is built, under a bare {@code hn}: the parse is the same, since everything
     * after the name belongs to the subcommand, and a short command such as {@code verify-messages} does not
     * spend a good part of its run reading the annotations of two dozen commands it will not run
     * (docs/benchmarks.md). Anything else (options of {@code hn} itself, {@code help}, an unknown name) gets the
     * full command line, with its usage and suggestions.
     */
    static CommandLine commandLineFor(String[] args) {
        if (args.length > 0 && !args[0].equals("help")) {
            for (Class<?> subcommand : HnCommand.class.getAnnotation(Command.class).subcommands()) {
                Command annotation = subcommand.getAnnotation(Command.class);
                if (annotation.name().equals(args[0]) || List.of(annotation.aliases()).contains(args[0])) {
                    CommandSpec hn = CommandSpec.wrapWithoutInspection(new HnCommand()).name("hn");
                    return configure(new CommandLine(hn).addSubcommand(subcommand));
                }
            }
        }
        return commandLine();
    }

    /** Settings of the whole command line; picocli passes them to the subcommands present when they are set. */
    private static CommandLine configure(CommandLine commandLine) {
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true).setUsageHelpWidth(100);
    }

    public static void main(String[] args) {
        System.exit(commandLineFor(args).execute(args));
    }
}
