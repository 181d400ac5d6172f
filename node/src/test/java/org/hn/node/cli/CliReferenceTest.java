package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code docs/cli.md} is the commands' own help, generated: this test renders it again and fails when the file
 * differs. With {@code -Dhn.writeDocs=true} it writes the file instead (the command is in the page itself).
 */
class CliReferenceTest {

    /** The tests run in the module's directory. */
    static final Path CLI_PAGE = Path.of("..", "docs", "cli.md");

    static final String REGENERATE = "mvn -B -q -pl node -am test -Dtest=CliReferenceTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dhn.writeDocs=true";

    /** The page: an introduction, then each command's usage help in a text block. */
    static String render() {
        CommandLine hn = HnCommand.commandLine();
        StringBuilder page = new StringBuilder();
        page.append("# hn command-line reference\n\n")
                .append("Every command's `--help`, as `hn` prints it. Generated from the command classes: do not edit;\n")
                .append("after changing a command, regenerate this page from the repository root with\n\n")
                .append("```\n").append(REGENERATE).append("\n```\n\n")
                .append("Bash completion for these commands is built beside the jar: `source node/target/hn-completion.bash`.\n");
        section(page, "hn", hn);
        for (Map.Entry<String, CommandLine> subcommand : hn.getSubcommands().entrySet()) {
            section(page, "hn " + subcommand.getKey(), subcommand.getValue());
        }
        return page.toString();
    }

    private static void section(StringBuilder page, String title, CommandLine command) {
        page.append("\n## ").append(title).append("\n\n```text\n")
                .append(command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n");
    }

    @Test
    void theCliPageIsTheCommandsHelp() throws IOException {
        String expected = render();
        if (Boolean.getBoolean("hn.writeDocs")) {
            Files.writeString(CLI_PAGE, expected);
        }
        assertEquals(expected, Files.readString(CLI_PAGE), "docs/cli.md is out of date; regenerate it with: " + REGENERATE);
    }
}
