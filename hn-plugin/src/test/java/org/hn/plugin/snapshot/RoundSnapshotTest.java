package org.hn.plugin.snapshot;

import static org.hn.pow.fixture.ReferenceLedgerFixture.A1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A10;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A12;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A14;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A15;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A2;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A3;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A4;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A8;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A9;
import static org.hn.pow.fixture.ReferenceLedgerFixture.B1;
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
import static org.hn.pow.fixture.ReferenceLedgerFixture.RW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hn.config.Network;
import org.hn.pow.fixture.ReferenceLedgerFixture;
import org.hn.pow.ledger.RoundReference;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.Hypernode;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationFold;
import org.hn.registry.registration.RegistrationState;
import org.hn.registry.registration.RuleProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot of round 192 of the §13 ledger ({@code spec/pow.md §5.6, §13.4 item 2}). */
class RoundSnapshotTest {

    @TempDir
    static Path directory;
    static RegistrationFold fold;
    static RegistrationCache cache;

    @BeforeAll
    static void build() throws Exception {
        SqlitePowLedger ledger = new SqlitePowLedger(ReferenceLedgerFixture.build(directory.resolve("ledger.db")));
        fold = RegistrationFold.forNetwork(RuleProfile.COMPAT, Network.MAINNET, ledger);
        cache = new RegistrationCache(fold, 4);
    }

    static String entry(String registrar, String ip, String port, String pos, String reward, int weight,
                        String timestamp) {
        return "    \"" + registrar + "\": {\n"
                + "      \"ip\": \"" + ip + "\",\n"
                + "      \"port\": \"" + port + "\",\n"
                + "      \"pos\": \"" + pos + "\",\n"
                + "      \"reward\": \"" + reward + "\",\n"
                + "      \"weight\": " + weight + ",\n"
                + "      \"timestamp\": " + timestamp + ",\n"
                + "      \"active\": true\n"
                + "    }";
    }

    /** The §13.4 item 2 table of round 192, as the reference writes {@code hnrounds/192.json}. */
    static String expectedRound192() {
        return "{\n"
                + "  \"params\": {\n"
                + "    \"pos_round\": 192,\n"
                + "    \"ref_timestamp\": 1535403600.0,\n"
                + "    \"pow_height\": 0,\n"
                + "    \"ref_height\": 780100\n"
                + "  },\n"
                + "  \"status\": \"11 PoW Valid HN.\",\n"
                + "  \"regs\": {\n"
                + String.join(",\n", List.of(
                        entry(A1, "198.51.100.1", "6969", P1, A1, 3, "1535097629.63"),
                        entry(A2, "198.51.100.2", "6969", P2, RW, 2, "1535097689.63"),
                        entry(A3, "198.51.100.3", "6969", P3, A3, 1, "1535097749.63"),
                        entry(A4, "198.51.100.4", "6969", P4, A4, 0, "1535097809.63"),
                        entry(A8, "198.51.100.8", "6969", P8, A8, 3, "1535098049.63"),
                        entry(A10, "198.51.100.11", "6969", P11, A10, 3, "1535098229.63"),
                        entry(A12, "198.51.100.13", "6969", D1, A12, 3, "1535098349.63"),
                        entry(A15, "198.51.100.22", "69x9", D3, A15, 3, "1535098409.63"),
                        entry(B1, "198.51.100.23", "6969", D4, B1, 3, "1535098469.63"),
                        entry(A14, "198.51.100.21", "6969", D2, A14, 3, "1535099189.63"),
                        entry(A9, "198.51.100.10", "6969", P10, A9, 3, "1535109569.63")))
                + "\n  }\n"
                + "}";
    }

    @Test
    void round192IsWrittenInTheReferenceShapeAndOrder() throws Exception {
        RegistrationState state = cache.registryOfRound(Network.MAINNET, 192);
        SnapshotDirectory snapshots = new SnapshotDirectory(directory.resolve("hnrounds"), 10);

        Path file = snapshots.write(new RoundSnapshot(192, RoundReference.referenceTimestamp(Network.MAINNET, 192),
                state));

        assertEquals(directory.resolve("hnrounds").resolve("192.json"), file);
        assertEquals(expectedRound192(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void theRegsAreTheFoldsResultInItsOrder() throws Exception {
        RegistrationState full = fold.scan(RegistrationState.initial(), ReferenceLedgerFixture.REFERENCE_HEIGHT_192);
        JsonNode regs = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(expectedRound192()).get("regs");
        List<Hypernode> fromFile = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : regs.properties()) {
            JsonNode value = entry.getValue();
            fromFile.add(new Hypernode(entry.getKey(), value.get("ip").textValue(), value.get("port").textValue(),
                    value.get("pos").textValue(), value.get("reward").textValue(), value.get("weight").intValue(),
                    value.get("timestamp").decimalValue(), value.get("active").booleanValue()));
        }
        assertEquals(full.hypernodes(), fromFile);
    }

    @Test
    void anEmptyRegistryHasTheNoValidStatusAndEmptyRegs() {
        RoundSnapshot empty = new RoundSnapshot(3, 1_534_723_200, RegistrationState.initial());
        assertEquals("{\"params\": {\"pos_round\": 3, \"ref_timestamp\": 1534723200.0, \"pow_height\": 0, "
                + "\"ref_height\": 773800}, \"status\": \"No PoW Valid HN.\", \"regs\": {}}",
                org.hn.plugin.json.PythonJson.compact(empty.toJson()));
    }
}
