package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HnCommandTest {

    private static final int SUBCOMMANDS = 25;

    @Test
    void aSubcommandNameBuildsThatSubcommandAloneWithTheSameUsage() {
        CommandLine quick = HnCommand.commandLineFor(new String[] {"verify-messages", "--json", "txs.json"});
        assertEquals(Set.of("verify-messages"), quick.getSubcommands().keySet());
        CommandLine verify = quick.getSubcommands().get("verify-messages");
        assertEquals("hn verify-messages", verify.getCommandSpec().qualifiedName());
        assertEquals(HnCommand.commandLine().getSubcommands().get("verify-messages").getUsageMessage(),
                verify.getUsageMessage());
        assertEquals(100, verify.getUsageHelpWidth());
        assertEquals(true, verify.isCaseInsensitiveEnumValuesAllowed());
    }

    @Test
    void nestedSubcommandsComeWithTheirParent() {
        CommandLine quick = HnCommand.commandLineFor(new String[] {"bootstrap", "verify", "x"});
        assertEquals(Set.of("create", "import", "verify"),
                quick.getSubcommands().get("bootstrap").getSubcommands().keySet());
    }

    @Test
    void anythingElseGetsTheFullCommandLine() {
        for (List<String> args : List.of(List.<String>of(), List.of("help", "verify-messages"), List.of("--help"),
                List.of("-V"), List.of("verify-mesages", "x"))) {
            assertEquals(SUBCOMMANDS, HnCommand.commandLineFor(args.toArray(String[]::new)).getSubcommands().size(),
                    args.toString());
        }
    }
}
