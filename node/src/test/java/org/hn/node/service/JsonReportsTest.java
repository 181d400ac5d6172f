package org.hn.node.service;

import static org.hn.node.round.DriverFixture.ROUND;
import static org.hn.node.round.DriverFixture.ROUND_START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.store.RoundRecord;
import org.hn.node.peers.Direction;
import org.hn.node.round.RoundContext;
import org.hn.node.server.NodeReports;
import org.hn.registry.Hypernode;
import org.hn.registry.schedule.Juror;
import org.hn.registry.schedule.TestAssignment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMPTY_SET_SHA256 = "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

    @TempDir
    Path directory;

    private ServicesNode node;
    private NodeReports reports;

    @BeforeEach
    void open() throws Exception {
        node = new ServicesNode(directory);
        reports = node.services.reports();
    }

    @AfterEach
    void close() throws Exception {
        node.close();
    }

    private RoundContext context() {
        return node.node.driver().context().orElseThrow();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String quotedSorted(List<String> values) {
        return values.stream().sorted().map(value -> "\"" + value + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void theStatusHasEveryFieldOfTheReferenceWithOurChainValues() throws Exception {
        HeightStatus tip = node.store.heightStatus();
        node.node.outboundHeights().put("127.0.0.2:07001", tip);
        node.node.outboundHeights().put("127.0.0.3:07002", tip);
        node.node.connected(3);
        node.node.driver().tick();
        node.connect(Direction.OUTBOUND, "127.0.0.2:07001", tip);
        node.connect(Direction.OUTBOUND, "127.0.0.3:07002", tip);
        node.connect(Direction.INBOUND, "127.0.0.4:07003", null);
        node.connect(Direction.INBOUND, "127.0.0.2:07001", null);

        assertThrows(IllegalStateException.class, reports::statusJson, "no snapshot yet");
        String fileText = node.services.refresh();
        node.node.moveTo(ROUND_START + 3);
        String answer = reports.statusJson();
        assertTrue(answer.startsWith("{\"config\": {\"address\": \"" + ServicesNode.address(0)
                + "\", \"ip\": null, \"port\": 7000, \"verbose\": 0, \"outip\": \"127.0.0.1\", \"posnet\": \"posnet0002\"}, "
                + "\"instance\": {\"version\": \"0.1.0-test\", \"hn_version\": \"0.1.0-test\", "), answer);
        assertTrue(answer.contains("\"statustime\": " + (ROUND_START + 1) + ", \"localtime\": " + (ROUND_START + 3)
                + ".000}"), answer);
        assertFalse(fileText.contains("localtime"), "the file holds the snapshot as computed");

        JsonNode status = JSON.readTree(answer);
        assertEquals(List.of("config", "instance", "chain", "mempool", "peers", "state", "tasks", "extra", "meta",
                "pow", "PID", "hn"), fieldNames(status));
        assertEquals(List.of("version", "hn_version", "python_version", "statustime", "localtime"),
                fieldNames(status.get("instance")));
        assertTrue(status.at("/instance/python_version").isTextual());
        assertTrue(status.at("/instance/statustime").isIntegralNumber());
        assertTrue(status.at("/instance/localtime").isFloatingPointNumber());

        JsonNode chain = status.get("chain");
        assertEquals(List.of("block_height", "Genesis", "height", "round", "sir", "block_hash", "uniques",
                "uniques_round", "forgers", "forgers_round"), fieldNames(chain));
        assertEquals(3, chain.get("block_height").asLong());
        assertEquals("BKYnuT4Pt8xfZrSKrY3mUyf9Cd9qJmTgBn", chain.get("Genesis").asText());
        assertEquals(3, chain.get("height").asLong());
        assertEquals(ROUND - 1, chain.get("round").asLong());
        assertEquals(5, chain.get("sir").asInt());
        assertEquals(node.blocks.get(3).blockHashHex(), chain.get("block_hash").asText());
        assertEquals(2, chain.get("uniques").asInt());
        assertEquals(4, chain.get("uniques_round").asInt());
        assertEquals(1, chain.get("forgers").asInt());
        assertEquals(2, chain.get("forgers_round").asInt());

        assertEquals(node.mempool.size(), status.at("/mempool/NB").asInt());
        assertTrue(status.at("/mempool/NB").isInt());

        JsonNode peers = status.get("peers");
        assertEquals(List.of("connected_count", "outbound", "inbound", "net_height"), fieldNames(peers));
        assertEquals(3, peers.get("connected_count").asInt(), "127.0.0.2 is both inbound and outbound");
        assertEquals(JSON.readTree("[\"127.0.0.2:07001\", \"127.0.0.3:07002\"]"), peers.get("outbound"));
        assertEquals(JSON.readTree("[\"127.0.0.2:07001\", \"127.0.0.4:07003\"]"), peers.get("inbound"));
        JsonNode netHeight = peers.get("net_height");
        assertEquals(List.of("height", "round", "sir", "block_hash", "uniques", "uniques_round", "forgers",
                "forgers_round", "count", "peers"), fieldNames(netHeight));
        assertEquals(3, netHeight.get("height").asLong());
        assertEquals(node.blocks.get(3).blockHashHex(), netHeight.get("block_hash").asText());
        assertEquals(2, netHeight.get("count").asInt());
        assertEquals(JSON.readTree("[\"127.0.0.2:07001\", \"127.0.0.3:07002\"]"), netHeight.get("peers"));

        JsonNode state = status.get("state");
        assertEquals(List.of("state", "round", "sir", "forger"), fieldNames(state));
        assertEquals(node.node.driver().state().name(), state.get("state").asText());
        assertEquals(ROUND, state.get("round").asLong());
        assertEquals(0, state.get("sir").asInt());
        assertEquals(context().forgerOf(0).orElseThrow(), state.get("forger").asText());

        assertEquals(List.of("total", "detail"), fieldNames(status.get("tasks")));
        assertTrue(status.at("/tasks/total").asInt() > 0);
        assertTrue(status.at("/tasks/detail").isObject());

        JsonNode extra = status.get("extra");
        assertEquals(List.of("forged_count", "open_files", "connections", "num_fd"), fieldNames(extra));
        assertEquals(0, extra.get("forged_count").asInt());
        assertEquals(4, extra.get("connections").asInt());
        assertTrue(extra.get("open_files").isIntegralNumber());
        assertTrue(extra.get("num_fd").isIntegralNumber());

        JsonNode meta = status.get("meta");
        assertEquals(List.of("round", "sir", "all_hns_count", "all_hns_hash", "inactive_hns_count",
                "inactive_hns_hash", "powchain_regs_count", "powchain_regs", "active_regs_count", "active_regs",
                "slots"), fieldNames(meta));
        List<String> all = List.of(ServicesNode.address(0), ServicesNode.address(1), ServicesNode.address(2),
                ServicesNode.address(3));
        assertEquals(ROUND, meta.get("round").asLong());
        assertEquals(0, meta.get("sir").asInt());
        assertEquals(4, meta.get("all_hns_count").asInt());
        assertEquals(sha256(quotedSorted(all)), meta.get("all_hns_hash").asText());
        assertEquals(0, meta.get("inactive_hns_count").asInt(), "fewer than 10 active: nobody is inactive");
        assertEquals(EMPTY_SET_SHA256, meta.get("inactive_hns_hash").asText());
        assertEquals(EMPTY_SET_SHA256, sha256("[]"));
        assertEquals(4, meta.get("powchain_regs_count").asInt());
        assertEquals(sha256(quotedSorted(context().plan().hypernodes().stream().map(Hypernode::registrar).toList())),
                meta.get("powchain_regs").asText());
        assertEquals(4, meta.get("active_regs_count").asInt());
        assertEquals(sha256(quotedSorted(all)), meta.get("active_regs").asText());
        List<Juror> jurors = context().plan().jurors().jurors();
        assertEquals(19, jurors.size());
        assertEquals(sha256(jurors.stream().map(juror -> "[\"" + juror.posAddress() + "\"," + juror.tid() + "]")
                .collect(Collectors.joining(",", "[", "]"))), meta.get("slots").asText());

        assertEquals(1_243_008, status.at("/pow/blocks").asInt());
        assertEquals(90.9, status.at("/pow/consensus_percent").asDouble());
        assertEquals(ProcessHandle.current().pid(), status.get("PID").asLong());

        JsonNode hn = status.get("hn");
        assertEquals(List.of("network", "rounds_completed", "forged_count", "connected_count", "round", "slot",
                "height", "block_hash", "state"), fieldNames(hn));
        assertEquals("devnet", hn.get("network").asText());
        assertEquals(0, hn.get("rounds_completed").asInt());
        assertEquals(0, hn.get("forged_count").asInt());
        assertEquals(3, hn.get("connected_count").asInt());
        assertEquals(ROUND, hn.get("round").asLong());
        assertEquals(0, hn.get("slot").asInt());
        assertEquals(3, hn.get("height").asLong());
        assertEquals(node.blocks.get(3).blockHashHex(), hn.get("block_hash").asText());
        assertEquals(node.node.driver().state().name(), hn.get("state").asText());
    }

    @Test
    void anUnreadablePowStatusShowsAsAnErrorAndNoNetHeightAsNull() throws Exception {
        node.powStatus = () -> {
            throw new IllegalStateException("pow status file unreadable");
        };
        node.services.refresh();
        JsonNode status = JSON.readTree(reports.statusJson());
        assertEquals(JSON.readTree("{\"Error\": \"pow status file unreadable\"}"), status.get("pow"));
        node.powStatus = () -> null;
        node.services.refresh();
        assertEquals(JSON.readTree("{\"Error\": \"no PoW status published\"}"),
                JSON.readTree(reports.statusJson()).get("pow"));
        assertTrue(status.at("/peers/net_height").isNull());
        assertEquals(JSON.readTree("[]"), status.at("/peers/outbound"));
    }

    @Test
    void theRoundAnswerListsPeersSlotsAndTests() throws Exception {
        JsonNode round = JSON.readTree(reports.roundJson());
        assertEquals(List.of("start", "previous", "connect_to", "slots", "test_slots"), fieldNames(round));
        assertEquals(ROUND_START + 1, round.get("start").asLong());
        assertEquals(ROUND, round.get("previous").asLong());
        List<Hypernode> connectTo = context().connectTo();
        assertEquals(3, connectTo.size());
        assertEquals(3, round.get("connect_to").size());
        for (int i = 0; i < 3; i++) {
            Hypernode peer = connectTo.get(i);
            int key = all().indexOf(peer.posAddress());
            JsonNode row = round.get("connect_to").get(i);
            assertEquals(JSON.readTree("[\"" + ServicesNode.address(key) + "\", \"127.0.0." + (key + 1) + "\", \"700"
                    + key + "\", " + peer.weight() + ", \"" + peer.registrar() + "\", \"" + peer.rewardAddress() + "\"]"),
                    row);
            assertTrue(row.get(2).isTextual(), "the port is the registration's string");
        }
        assertEquals(19, round.get("slots").size());
        for (Juror juror : context().plan().jurors().jurors()) {
            assertEquals(JSON.readTree("[\"" + juror.posAddress() + "\", " + juror.tid() + "]"),
                    round.get("slots").get(juror.slot()));
        }
        List<List<TestAssignment>> tests = context().plan().tests().slots();
        assertEquals(tests.size(), round.get("test_slots").size());
        TestAssignment first = tests.get(0).get(0);
        assertEquals(JSON.readTree("[\"" + first.tester() + "\", \"" + first.testee() + "\", " + first.type() + "]"),
                round.get("test_slots").get(0).get(0));
        assertEquals(tests.get(0).size(), round.get("test_slots").get(0).size());
    }

    @Test
    void aRecordedRoundIsAnsweredFromTheChainDatabase() throws Exception {
        node.store.saveRound(new RoundRecord(ROUND - 5, "[\"Bpos1\", \"Bpos2\"]", "[[\"Bpos1\", 3]]",
                "[[[\"Bpos1\", \"Bpos2\", 1]]]"));
        assertEquals("{\"round\": " + (ROUND - 5) + ", \"active_hns\": [\"Bpos1\", \"Bpos2\"], "
                + "\"slots\": [[\"Bpos1\", 3]], \"test_slots\": [[[\"Bpos1\", \"Bpos2\", 1]]]}",
                reports.recordedRoundJson(ROUND - 5).orElseThrow());
        assertEquals(Optional.empty(), reports.recordedRoundJson(ROUND - 6));
    }

    private static List<String> all() {
        return List.of(ServicesNode.address(0), ServicesNode.address(1), ServicesNode.address(2),
                ServicesNode.address(3));
    }

    @Test
    void hypernodesWithoutParameterAreTheRegistryRows() throws Exception {
        JsonNode rows = JSON.readTree(reports.hypernodesJson(""));
        assertEquals(4, rows.size());
        for (int i = 0; i < 4; i++) {
            Hypernode hypernode = context().plan().hypernodes().get(i);
            assertEquals(ServicesNode.address(i), rows.get(i).get(0).asText(), "registry order");
            assertEquals(JSON.readTree("[\"" + ServicesNode.address(i) + "\", \"127.0.0." + (i + 1) + "\", \"700" + i
                    + "\", " + hypernode.weight() + ", \"" + hypernode.registrar() + "\", \""
                    + hypernode.rewardAddress() + "\"]"), rows.get(i));
        }
    }

    @Test
    void hypernodesWithKpisCountTheActivityOfARoundRange() throws Exception {
        JsonNode kpis = JSON.readTree(reports.hypernodesJson("1," + (ROUND - 2) + "," + (ROUND - 1)));
        assertEquals(all(), fieldNames(kpis));
        Hypernode a1 = context().hypernode(ServicesNode.address(1)).orElseThrow();
        assertEquals(JSON.readTree("{\"ip\": \"127.0.0.2\", \"port\": \"7001\", \"weight\": " + a1.weight()
                + ", \"registrar\": \"" + a1.registrar() + "\", \"recipient\": \"" + a1.rewardAddress() + "\", \"kpis\": "
                + "{\"forged\": 2, \"sources\": 4, \"ok_actions_received\": 2, \"start_count\": 2, \"no_tests_sent\": 1,"
                + " \"ok_tests_sent\": 1, \"active\": true}}"), kpis.get(ServicesNode.address(1)));
        assertEquals(JSON.readTree("{\"forged\": 0, \"sources\": 2, \"no_tests_sent\": 1, \"active\": true}"),
                kpis.at("/" + ServicesNode.address(0) + "/kpis"));
        assertEquals(JSON.readTree("{\"forged\": 1, \"sources\": 3, \"start_count\": 1, \"ko_actions_received\": 2,"
                + " \"active\": true}"), kpis.at("/" + ServicesNode.address(2) + "/kpis"));
        assertEquals(JSON.readTree("{\"forged\": 0, \"sources\": 3, \"start_count\": 1, \"ko_tests_sent\": 1,"
                + " \"ko_actions_received\": 2, \"active\": true}"), kpis.at("/" + ServicesNode.address(3) + "/kpis"));
        // kpi key order is part of the answer
        assertEquals(List.of("forged", "sources", "ok_actions_received", "start_count", "no_tests_sent",
                "ok_tests_sent", "active"), fieldNames(kpis.at("/" + ServicesNode.address(1) + "/kpis")));

        JsonNode inactive = JSON.readTree("{\"success\": 0, \"errors\": 0, \"failed_pings\": 0, \"ok_pings\": 0,"
                + " \"warnings\": 0, \"rounds\": 0, \"sources\": 0, \"active\": false}");
        JsonNode currentRound = JSON.readTree(reports.hypernodesJson("1"));
        for (String address : all()) {
            assertEquals(inactive, currentRound.at("/" + address + "/kpis"), "round R has no block yet");
        }
        JsonNode noKpis = JSON.readTree(reports.hypernodesJson("0," + (ROUND - 2) + "," + (ROUND - 1)));
        assertEquals(JSON.readTree("{}"), noKpis.at("/" + ServicesNode.address(1) + "/kpis"));
        assertEquals("7001", noKpis.at("/" + ServicesNode.address(1) + "/port").asText());
    }

    @Test
    void hypernodesOfThePowRegistryAreKeyedByRegistrar() throws Exception {
        JsonNode registry = JSON.readTree(reports.hypernodesJson("2"));
        assertEquals(JSON.readTree(reports.hypernodesJson("2,0," + ROUND)), registry);
        List<Hypernode> hypernodes = context().plan().hypernodes();
        assertEquals(hypernodes.stream().map(Hypernode::registrar).toList(), fieldNames(registry));
        Hypernode a2 = hypernodes.get(2);
        JsonNode entry = registry.get(a2.registrar());
        assertEquals(List.of("ip", "port", "pos", "reward", "weight", "timestamp", "active"), fieldNames(entry));
        assertEquals("127.0.0.3", entry.get("ip").asText());
        assertEquals("7002", entry.get("port").asText());
        assertEquals(ServicesNode.address(2), entry.get("pos").asText());
        assertEquals(a2.rewardAddress(), entry.get("reward").asText());
        assertEquals(a2.weight(), entry.get("weight").asInt());
        assertEquals(0, a2.timestamp().compareTo(new BigDecimal(entry.get("timestamp").asText())));
        assertTrue(entry.get("active").asBoolean());
    }

    @Test
    void aBadHypernodesParameterIsAnIllegalArgument() {
        for (String bad : List.of("3", "1,2", "1,2,3,4", "1,x,3", "full", "1,,3")) {
            assertThrows(IllegalArgumentException.class, () -> reports.hypernodesJson(bad), bad);
        }
    }

    @Test
    void heightsListOutboundPeersThenInboundOnesNotAlreadyListed() {
        HeightStatus outbound = new HeightStatus(3, ROUND - 1, 5, "aa".repeat(20), 2, 4, 1, 2);
        HeightStatus inbound = new HeightStatus(4, ROUND, 1, "bb".repeat(20), 3, 1, 2, 1);
        node.connect(Direction.INBOUND, "127.0.0.4:07003", inbound);
        node.connect(Direction.INBOUND, "127.0.0.2:07001", inbound);
        node.connect(Direction.INBOUND, "127.0.0.9:00101", null);
        node.connect(Direction.OUTBOUND, "127.0.0.2:07001", outbound);
        assertEquals("{\"127.0.0.2:07001\": {\"height\": 3, \"round\": " + (ROUND - 1) + ", \"sir\": 5, \"block_hash\": \""
                + "aa".repeat(20) + "\", \"uniques\": 2, \"uniques_round\": 4, \"forgers\": 1, \"forgers_round\": 2}, "
                + "\"127.0.0.4:07003\": {\"height\": 4, \"round\": " + ROUND + ", \"sir\": 1, \"block_hash\": \""
                + "bb".repeat(20) + "\", \"uniques\": 3, \"uniques_round\": 1, \"forgers\": 2, \"forgers_round\": 1}}",
                reports.heightsJson());
    }
}
