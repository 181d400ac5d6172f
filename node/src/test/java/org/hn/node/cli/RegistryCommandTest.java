package org.hn.node.cli;

import static org.hn.pow.fixture.ReferenceLedgerFixture.A1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A15;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D2;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D3;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D4;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P10;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P11;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P2;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P3;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P4;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hn.chain.block.Genesis;
import org.hn.chain.store.ChainStore;
import org.hn.pow.fixture.ReferenceLedgerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RegistryCommandTest {

    private static final String REF = "1111111111111111111111111111111111111111";

    @TempDir
    static Path directory;
    private static Path ledger;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void buildLedger() throws Exception {
        ledger = ReferenceLedgerFixture.build(directory.resolve("ledger.db"));
    }

    private int run(String... args) {
        CommandLine commandLine = HnCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private JsonNode lastLineJson() throws Exception {
        String[] lines = out.toString().strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    @Test
    void printsRound192AsOneJsonObject() throws Exception {
        assertEquals(0, run("registry", "--ledger", ledger.toString(), "--round", "192", "--ref-hash", REF, "--json"),
                err.toString());
        JsonNode json = lastLineJson();
        assertEquals(List.of("round", "ref_height", "hypernodes", "jurors", "test_slots"), fieldNames(json));
        assertEquals(192, json.get("round").asLong());
        assertEquals(780_100, json.get("ref_height").asLong());
        List<String> registryOrder = new ArrayList<>();
        json.get("hypernodes").forEach(hypernode -> registryOrder.add(hypernode.get("pos_address").asText()));
        assertEquals(List.of(P1, P2, P3, P4, P8, P11, D1, D3, D4, D2, P10), registryOrder);
        assertEquals("{\"pow_address\":\"" + A1 + "\",\"ip\":\"198.51.100.1\",\"port\":\"6969\",\"pos_address\":\""
                + P1 + "\",\"reward_address\":\"" + A1 + "\",\"weight\":3}", json.at("/hypernodes/0").toString());
        assertEquals(A15, json.at("/hypernodes/7/pow_address").asText());
        assertEquals("69x9", json.at("/hypernodes/7/port").asText(), "the port as registered, a string");
        assertEquals(19, json.get("jurors").size());
        for (int slot = 0; slot < 19; slot++) {
            assertEquals(slot, json.at("/jurors/" + slot + "/slot").asInt());
            assertEquals(10, json.at("/test_slots/" + slot).size(), "TESTS_PER_SLOT=10 from the ledger's rainbow");
            assertEquals(3, json.at("/test_slots/" + slot + "/0").size(), "[tester, testee, type]");
        }
        assertEquals(19, json.get("test_slots").size());
    }

    @Test
    void takesTheReferenceHashFromALocalChain() throws Exception {
        Path chain = directory.resolve("chain.db");
        try (ChainStore store = ChainStore.open(chain)) {
            assertEquals(Genesis.mainnet(), store.tip());
        }
        assertEquals(0, run("registry", "--ledger", ledger.toString(), "--round", "192", "--chain", chain.toString(),
                "--json"), err.toString());
        JsonNode fromChain = lastLineJson();
        out.getBuffer().setLength(0);
        assertEquals(0, run("registry", "--ledger", ledger.toString(), "--round", "192", "--ref-hash",
                Genesis.mainnet().blockHashHex(), "--json"));
        assertEquals(lastLineJson(), fromChain, "the genesis is the last block before round 192 in that chain");
    }

    @Test
    void printsReadableTablesWithTheRefusedRows() {
        assertEquals(0, run("registry", "--ledger", ledger.toString(), "--round", "192", "--ref-hash", REF,
                "--profile", "strict"));
        String text = out.toString();
        assertTrue(text.startsWith("Round 192 on mainnet: PoW reference height 780100, reference hash " + REF
                + ", strict rules"), text);
        assertTrue(text.contains("9 registered hypernodes (registry order):"), text);
        assertTrue(text.contains("LOW_COLLATERAL") && text.contains("BAD_PORT"), text);
        assertTrue(text.contains("  slot 18  B"), text);
    }

    @Test
    void explainsWhatIsMissingOrLate() {
        assertEquals(2, run("registry", "--ledger", ledger.toString(), "--round", "192"));
        assertEquals("hn registry: give the reference hash with --ref-hash HEX, or a chain database with --chain FILE",
                err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(2, run("registry", "--ledger", ledger.toString(), "--round", "192", "--ref-hash", "abc"));
        assertEquals("hn registry: --ref-hash must be 40 hex characters (a 20-byte block hash), got 'abc'",
                err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(1, run("registry", "--ledger", ledger.toString(), "--round", "193", "--ref-hash", REF));
        assertTrue(err.toString().startsWith("hn registry: PoW ledger " + ledger + " unavailable (NOT_CONFIRMED)"),
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(1, run("registry", "--ledger", directory.resolve("none.db").toString(), "--ref-hash", REF));
        assertEquals("hn registry: no PoW ledger at " + directory.resolve("none.db"), err.toString().strip());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
