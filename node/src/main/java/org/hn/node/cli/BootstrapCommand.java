package org.hn.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hn bootstrap}: make, check and import signed snapshots of a node's chain ({@code spec/ops.md §8.1}). */
@Command(
        name = "bootstrap",
        mixinStandardHelpOptions = true,
        header = "Create, verify or import a bootstrap archive of the chain.",
        description = {
            "A bootstrap archive (.tar.gz) holds a node's chain database cut at the end of a finished round,",
            "with a manifest (network, round, height, tip hash, each file's size and SHA-256, creation time)",
            "signed with the node's PoS key. 'verify' and 'import' check every byte: archive layout, signature,",
            "hashes, SQLite integrity and every block of the chain."
        },
        subcommands = {
            BootstrapCreateCommand.class,
            BootstrapVerifyCommand.class,
            BootstrapImportCommand.class
        })
final class BootstrapCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
