package org.hn.plugin.snapshot;

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
import org.hn.plugin.FixtureSnapshots;
import org.hn.plugin.json.PythonJson;
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

    @Test
    void round192IsWrittenInTheReferenceShapeAndOrder() throws Exception {
        RegistrationState state = cache.registryOfRound(Network.MAINNET, 192);
        SnapshotDirectory snapshots = new SnapshotDirectory(directory.resolve("hnrounds"), 10);

        Path file = snapshots.write(new RoundSnapshot(192, RoundReference.referenceTimestamp(Network.MAINNET, 192),
                state));

        assertEquals(directory.resolve("hnrounds").resolve("192.json"), file);
        assertEquals(FixtureSnapshots.round192(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void theRegsAreTheFoldsResultInItsOrder() throws Exception {
        RegistrationState full = fold.scan(RegistrationState.initial(), ReferenceLedgerFixture.REFERENCE_HEIGHT_192);
        JsonNode regs = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(FixtureSnapshots.round192()).get("regs");
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
                PythonJson.compact(empty.toJson()));
    }
}
