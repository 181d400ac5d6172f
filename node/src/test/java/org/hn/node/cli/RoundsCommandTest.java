package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hn.chain.block.PosBlock;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.chain.wallet.PosWallet;
import org.hn.config.Network;
import org.hn.config.settings.Settings;
import org.hn.node.persistence.RoundRecorder;
import org.hn.node.persistence.Traffic;
import org.hn.node.round.DriverFixture;
import org.hn.node.round.RoundDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hn rounds} on a chain database where a devnet driver with a {@link RoundRecorder} forged one block in each
 * of two rounds and recorded both rounds' stats; read while the node's store is still open.
 */
class RoundsCommandTest {

    private static final Network NETWORK = DriverFixture.NETWORK;
    private static final byte ID = DriverFixture.ID;
    private static final long ROUND = DriverFixture.ROUND;
    private static final long PROCESS_STARTED = DriverFixture.ROUND_START - 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** At each round's end the three scripted peers still report the tip before our block of the round. */
    private static final String LATE_PEERS = "\"peers_late\":3,"
            + "\"late_peers\":{\"127.0.0.2:07001\":1,\"127.0.0.3:07002\":1,\"127.0.0.4:07003\":1},";

    @TempDir
    Path data;

    @Test
    void listsTheTwoRecordedRoundsWithTheirBlocksMessagesTestsAndTraffic() throws Exception {
        Files.writeString(data.resolve(Settings.OPERATOR_FILE), "NETWORK=devnet\n", StandardCharsets.UTF_8);
        PosWallet.of(TestChain.key(0), ID, PROCESS_STARTED).create(data.resolve(PosWallet.FILE_NAME));
        PosBlock genesis = DriverFixture.genesis();
        Mempool mempool = DriverFixture.emptyMempool();
        Deque<Traffic> traffic = new ArrayDeque<>(List.of(new Traffic(1200, 3400, 12, 34), new Traffic(5, 6, 1, 2)));
        try (ChainStore store = ChainStore.open(data.resolve("chain.db"), genesis);
             DriverFixture node = new DriverFixture(data, store, mempool)) {
            RoundDriver driver = node.driver();
            driver.addRoundListener(new RoundRecorder(store, node.peerNetwork(), traffic::removeFirst,
                    new RoundRecorder.Identity(NETWORK, TestChain.key(0), PROCESS_STARTED, 2)));
            driver.start();
            node.connected(3);

            // round 1: our START, three STARTs of node 1, a test we ran on node 1 and a failed test node 2 ran on us
            List<PosMessage> first = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                first.add(message(1, node.nowSeconds() - i, DriverFixture.address(1), 202, "START", ROUND));
            }
            first.add(message(0, node.nowSeconds() - 5, DriverFixture.address(1), 202, "TEST:1", 0));
            first.add(message(2, node.nowSeconds() - 6, DriverFixture.address(0), 204, "TEST:2", 0));
            forgeInOurSlot(node, store, mempool, first, NETWORK.roundStart(ROUND));
            assertEquals(7, store.tip().txs().size(),
                    "our START, the five messages above and the result of the test the schedule gave us (TEST:0)");

            // round 2: two STARTs of node 3 and two tests we ran on node 2
            long second = NETWORK.roundStart(ROUND + 1);
            node.moveTo(second + 1);
            driver.tick();
            List<PosMessage> next = new ArrayList<>();
            next.add(message(3, node.nowSeconds(), DriverFixture.address(3), 202, "START", ROUND + 1));
            next.add(message(3, node.nowSeconds() - 1, DriverFixture.address(3), 202, "START", ROUND + 1));
            next.add(message(0, node.nowSeconds() - 2, DriverFixture.address(2), 202, "TEST:0", 0));
            next.add(message(0, node.nowSeconds() - 3, DriverFixture.address(2), 204, "TEST:3", 0));
            forgeInOurSlot(node, store, mempool, next, second);
            assertEquals(2, store.tip().height());
            node.moveTo(NETWORK.roundStart(ROUND + 2) + 1);
            driver.tick();
            assertTrue(traffic.isEmpty(), "both rounds ended");

            HnRun listed = HnRun.of("rounds", "--data", data.toString(), "--json");
            assertEquals(0, listed.exit(), listed.err());
            JsonNode rounds = JSON.readTree(listed.out()).get("rounds");
            assertEquals(2, rounds.size(), listed.out());
            String me = DriverFixture.address(0);
            assertEquals(JSON.readTree("{\"round\":" + ROUND + ",\"blocks\":1,\"forgers\":[\"" + me + "\"],"
                    + "\"messages\":7,\"tests_sent\":2,\"tests_received\":1,"
                    + LATE_PEERS
                    + "\"bytes_sent\":1200,\"bytes_received\":3400,\"wire_messages_sent\":12,"
                    + "\"wire_messages_received\":34,\"uptime_seconds\":" + (120 + 51) + ",\"restarts\":2}"),
                    rounds.get(0));
            assertEquals(JSON.readTree("{\"round\":" + (ROUND + 1) + ",\"blocks\":1,\"forgers\":[\"" + me + "\"],"
                    + "\"messages\":4,\"tests_sent\":2,\"tests_received\":0,"
                    + LATE_PEERS
                    + "\"bytes_sent\":5,\"bytes_received\":6,\"wire_messages_sent\":1,"
                    + "\"wire_messages_received\":2,\"uptime_seconds\":" + (2 * 120 + 51) + ",\"restarts\":2}"),
                    rounds.get(1));

            HnRun lastOne = HnRun.of("rounds", "--data", data.toString(), "--last", "1", "--json");
            assertEquals(List.of(ROUND + 1), rounds(lastOne));
            HnRun table = HnRun.of("rounds", "--data", data.toString());
            assertEquals(0, table.exit(), table.err());
            assertEquals(3, table.out().lines().count(), table.out());
            assertTrue(table.out().lines().skip(1).findFirst().orElseThrow().trim().startsWith(ROUND + " "),
                    table.out());

            Files.delete(data.resolve(Settings.OPERATOR_FILE));
            HnRun mainnet = HnRun.of("rounds", "--data", data.toString(), "--json");
            assertEquals(1, mainnet.exit(), "a devnet wallet read as mainnet");
            assertTrue(mainnet.err().startsWith("hn rounds: "), mainnet.err());
            HnRun named = HnRun.of("rounds", "--data", data.toString(), "--network", "devnet", "--json");
            assertEquals(listed.out(), named.out(), "--network stands in for hn.conf");
        }
    }

    @Test
    void aMissingDataDirectoryOrABadCountIsAClearError() {
        HnRun missing = HnRun.of("rounds", "--data", data.resolve("nowhere").toString(), "--json");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().startsWith("hn rounds: "), missing.err());
        assertTrue(missing.err().contains(PosWallet.FILE_NAME), missing.err());
        HnRun zero = HnRun.of("rounds", "--data", data.toString(), "--last", "0");
        assertEquals(2, zero.exit());
        assertEquals("hn rounds: --last must be at least 1, got 0" + System.lineSeparator(), zero.err());
    }

    private static List<Long> rounds(HnRun run) throws Exception {
        List<Long> numbers = new ArrayList<>();
        JSON.readTree(run.out()).get("rounds").forEach(round -> numbers.add(round.get("round").asLong()));
        return numbers;
    }

    private static PosMessage message(int key, long timestamp, String recipient, int what, String params, long value)
            throws Exception {
        return PosMessage.sign(TestChain.key(key), ID, timestamp, recipient, what, params, value);
    }

    /**
     * Digests the messages, makes the three peers report our tip, and forges in our first slot of the round: at the
     * round's end the three are one block behind.
     */
    private static void forgeInOurSlot(DriverFixture node, ChainStore store, Mempool mempool,
                                       List<PosMessage> messages, long roundStart) throws Exception {
        mempool.digest(messages, node.nowSeconds());
        for (String peer : List.of("127.0.0.2:07001", "127.0.0.3:07002", "127.0.0.4:07003")) {
            node.outboundHeights().put(peer, store.heightStatus());
        }
        node.moveTo(roundStart + node.firstSlotOf(DriverFixture.address(0)) * 6L + 2);
        node.driver().tick();
        node.driver().tick();
    }
}
