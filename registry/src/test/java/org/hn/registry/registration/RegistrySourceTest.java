package org.hn.registry.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hn.config.Network;
import org.hn.pow.fixture.ReferenceLedgerFixture;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.pow.socket.FakePowNode;
import org.hn.pow.socket.PowNodeClient;
import org.hn.registry.Hypernode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both registry sources give the same list for the same PoW state. */
class RegistrySourceTest {

    private static final String A1 = ReferenceLedgerFixture.A1;
    private static final String A2 = ReferenceLedgerFixture.A2;

    @TempDir
    Path directory;

    @Test
    void thePowNodeAnswerAndTheLocalFoldAgreeOnTheFirstRegistrations() throws Exception {
        String answer = "{\"params\": {\"pos_round\": 192}, \"status\": \"2 PoW Valid HN.\", \"regs\": {"
                + "\"" + A1 + "\": {\"ip\": \"198.51.100.1\", \"port\": \"6969\", \"pos\": \""
                + ReferenceLedgerFixture.P1 + "\", \"reward\": \"" + A1 + "\", \"weight\": 3, "
                + "\"timestamp\": 1535097629.63, \"active\": true}, "
                + "\"" + A2 + "\": {\"ip\": \"198.51.100.2\", \"port\": \"6969\", \"pos\": \""
                + ReferenceLedgerFixture.P2 + "\", \"reward\": \"" + ReferenceLedgerFixture.RW + "\", \"weight\": 2, "
                + "\"timestamp\": 1535097689.63, \"active\": true}}}";
        List<Hypernode> fromPowNode;
        try (FakePowNode node = FakePowNode.answering(answer)) {
            fromPowNode = new PowNodeRegistry(new PowNodeClient(node.address(), Duration.ofSeconds(30)))
                    .hypernodesOfRound(Network.MAINNET, 192);
            assertEquals("\"HN_reg_round 192 1535403600 0 False\"", node.receivedPayload());
        }
        SqlitePowLedger ledger = new SqlitePowLedger(ReferenceLedgerFixture.build(directory.resolve("ledger.db")));
        RegistrySource local = new RegistrationCache(
                RegistrationFold.forNetwork(RuleProfile.COMPAT, Network.MAINNET, ledger), 2);
        assertEquals(fromPowNode, local.hypernodesOfRound(Network.MAINNET, 192).subList(0, 2));
        assertEquals(new BigDecimal("1535097689.63"), fromPowNode.get(1).timestamp());
    }
}
