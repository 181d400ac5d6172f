package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bash completion script the build writes beside the jar (exec-maven-plugin running picocli's AutoComplete). */
class CompletionScriptTest {

    /** Written in the process-classes phase, before the tests run; the tests run in the module's directory. */
    private static final Path SCRIPT = Path.of("target", "hn-completion.bash");

    @Test
    void theScriptCompletesEverySubcommandAndTheirOptions() throws IOException {
        assertTrue(Files.isRegularFile(SCRIPT), SCRIPT.toAbsolutePath() + " missing: build with 'mvn -pl node package'");
        String script = Files.readString(SCRIPT);
        List<String> subcommands = HnCommand.commandLine().getSubcommands().keySet().stream().toList();
        assertEquals(List.of("devnet", "run", "status", "heights", "round", "rounds", "hypernodes",
                "block", "headers", "tx", "addtxs", "mempool", "peers", "keygen", "token",
                "doctor", "peer", "bootstrap", "registry", "plugin", "verify-messages", "watchdog",
                "update", "release", "help"),
                subcommands);
        assertTrue(script.contains("\n  local commands=\"" + String.join(" ", subcommands) + "\"\n"), script);
        assertTrue(script.contains("\ncomplete -F _complete_hn -o default hn hn.sh hn.bash\n"));
        for (String option : List.of("--ntp-server", "--public-address", "--script", "--legacy", "--ledger", "--rounds")) {
            assertTrue(script.contains(option), option);
        }
    }
}
