package org.hn.node.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.hn.chain.block.PosBlock;
import org.hn.chain.message.PosMessage;
import org.hn.node.cli.HnCommand;
import org.hn.node.service.PythonJson;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Each query's JSON and text output for fixed answers; expected texts written by hand. */
class QueryRenderingTest {

    /** 1700000000 is 2023-11-14T22:13:20Z. */
    private static final long TIME = 1_700_000_000L;
    private static final String TIME_TEXT = "2023-11-14T22:13:20Z";
    private static final PosMessage TX = new PosMessage(filled(64, 0xab), 12, TIME, "BSender", "BRecipient", 202,
            "START", 1, filled(64, 0x01), TIME + 100);
    private static final String TX_JSON = "[\"" + "ab".repeat(64) + "\", 12, 1700000000, \"BSender\", \"BRecipient\", 202, "
            + "\"START\", 1, \"" + "01".repeat(64) + "\", 1700000100]";
    private static final String TX_TABLE = ""
            + "TXID              HEIGHT  TIME                  SENDER   RECIPIENT   WHAT  PARAMS  VALUE\n"
            + "abababababababab  12      2023-11-14T22:13:20Z  BSender  BRecipient  202   START   1\n";
    private static final PosBlock BLOCK = new PosBlock(12, 7697, 3, TIME, filled(20, 0x11), 1, 1, filled(64, 0x22),
            filled(20, 0x33), "", "BForger", List.of(TX));

    private static final String STATUS = "{\"config\": {\"address\": \"BNodeAddress\", \"ip\": null, \"port\": 6969, "
            + "\"verbose\": 0, \"outip\": \"203.0.113.5\", \"posnet\": \"posnet0002\"}, \"instance\": {\"version\": \"0.1.0\", "
            + "\"hn_version\": \"0.1.0\", \"python_version\": \"Java 17\", \"statustime\": 1700000000, "
            + "\"localtime\": 1700000003.250}, \"chain\": {\"block_height\": 90486, "
            + "\"Genesis\": \"BKYnuT4Pt8xfZrSKrY3mUyf9Cd9qJmTgBn\", \"height\": 90486, \"round\": 7697, \"sir\": 17, "
            + "\"block_hash\": \"00112233445566778899aabbccddeeff00112233\", \"uniques\": 400, \"uniques_round\": 175, "
            + "\"forgers\": 353, \"forgers_round\": 7}, \"mempool\": {\"NB\": 116}, \"peers\": {\"connected_count\": 3, "
            + "\"outbound\": [\"10.0.0.2:06969\", \"10.0.0.3:06969\"], \"inbound\": [\"10.0.0.2:06969\", \"127.0.0.1:00101\"], "
            + "\"net_height\": {\"height\": 90487, \"round\": 7697, \"sir\": 18, "
            + "\"block_hash\": \"ffeeddccbbaa99887766554433221100ffeeddcc\", \"uniques\": 401, \"uniques_round\": 176, "
            + "\"forgers\": 353, \"forgers_round\": 8, \"count\": 2, \"peers\": [\"10.0.0.2:06969\", \"10.0.0.3:06969\"]}}, "
            + "\"state\": {\"state\": \"SYNCING\", \"round\": 7697, \"sir\": 18, \"forger\": \"BOtherForger\"}, "
            + "\"extra\": {\"forged_count\": 3, \"open_files\": 40, \"connections\": 4, \"num_fd\": 40}, "
            + "\"meta\": {\"round\": 7697, \"sir\": 0, \"all_hns_count\": 245, "
            + "\"all_hns_hash\": \"a1a2a3a4a5a6a7a8a9b0b1b2b3b4b5b6b7b8b9c0c1c2c3c4c5c6c7c8c9d0d1d2\", \"inactive_hns_count\": 83, "
            + "\"inactive_hns_hash\": \"4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945\", "
            + "\"powchain_regs_count\": 245, "
            + "\"powchain_regs\": \"1111111111111111222222222222222233333333333333334444444444444444\", "
            + "\"active_regs_count\": 162, "
            + "\"active_regs\": \"5555555555555555666666666666666677777777777777778888888888888888\", "
            + "\"slots\": \"99999999999999990000000000000000aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb\"}, "
            + "\"pow\": {\"blocks\": 1243008, \"last_block_ago\": 26.2}, \"PID\": 42}";

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static JsonNode json(String text) throws Exception {
        return PythonJson.parse(text);
    }

    private static ObjectNode status(String state, String forger) throws Exception {
        ObjectNode status = (ObjectNode) json(STATUS);
        ((ObjectNode) status.get("state")).put("state", state).put("forger", forger);
        return status;
    }

    @Test
    void statusJsonIsTheAnswerAsIsPlusTheClientSection() throws Exception {
        Rendered rendered = StatusCommand.render((ObjectNode) json(STATUS), "0.1.0", 1_700_000_004_500L, 12);
        assertEquals(STATUS.substring(0, STATUS.length() - 1) + ", \"client\": {\"version\": \"0.1.0\", "
                + "\"lib_version\": \"0.1.0\", \"localtime\": 1700000004.500, \"rtt\": 0.012}}",
                PythonJson.render(rendered.json()));
        assertEquals(QueryExit.OK, rendered.exit());
        assertEquals(List.of(), rendered.notes());
    }

    @Test
    void statusTextSummarisesEachSection() throws Exception {
        Rendered rendered = StatusCommand.render((ObjectNode) json(STATUS), "0.1.0", 1_700_000_004_500L, 12);
        assertEquals(""
                + "node     BNodeAddress port 6969 (posnet0002), version 0.1.0\n"
                + "state    SYNCING, round 7697 slot 18, forger BOtherForger\n"
                + "chain    height 90486 (round 7697 slot 17), hash 00112233445566778899aabbccddeeff00112233\n"
                + "         uniques 400 (175 this round), forgers 353 (7 this round)\n"
                + "network  best height 90487 (round 7697 slot 18) held by 2 peers\n"
                + "peers    3 connected: 2 outbound, 2 inbound\n"
                + "mempool  116 messages\n"
                + "forged   3 blocks since start\n"
                + "meta     round 7697 slot 0: 245 hypernodes a1a2a3a4a5a6a7a8, 83 inactive 4f53cda18c2baa0c\n"
                + "         245 PoW registrations 1111111111111111, 162 active 5555555555555555, slots 9999999999999999\n"
                + "pow      1243008 blocks, the last 26.2 s ago\n"
                + "health   ok\n"
                + "rtt      0.012 s\n", rendered.human());
    }

    @Test
    void aNodeWithoutPowOrUnableToForgeItsSlotIsUnhealthy() throws Exception {
        Rendered noPow = StatusCommand.render(status("POW_NOT_SYNC", null), "0.1.0", TIME * 1000, 5);
        assertEquals(QueryExit.UNHEALTHY, noPow.exit());
        assertEquals(List.of("the PoW source is not synced (state POW_NOT_SYNC)"), noPow.notes());
        assertTrue(noPow.human().contains("\nhealth   UNHEALTHY: the PoW source is not synced (state POW_NOT_SYNC)\n"));

        Rendered stuck = StatusCommand.render(status("START", "BNodeAddress"), "0.1.0", TIME * 1000, 5);
        assertEquals(QueryExit.UNHEALTHY, stuck.exit());
        assertEquals(List.of("scheduled to forge slot 18 of round 7697 but in state START"), stuck.notes());

        assertEquals(QueryExit.OK, StatusCommand.render(status("FORGING", "BNodeAddress"), "0.1.0", TIME * 1000, 5).exit());
        assertEquals(QueryExit.OK, StatusCommand.render(status("START", "BOtherForger"), "0.1.0", TIME * 1000, 5).exit(),
                "too few peers is not unhealthy while another node forges");
    }

    @Test
    void heightsAreOneRowPerPeer() throws Exception {
        String answer = "{\"10.0.0.2:06969\": {\"height\": 5, \"round\": 100, \"sir\": 3, \"block_hash\": \"ab01\", "
                + "\"uniques\": 4, \"uniques_round\": 2, \"forgers\": 3, \"forgers_round\": 1}, "
                + "\"10.0.0.30:06969\": {\"height\": 12, \"round\": 100, \"sir\": 4, \"block_hash\": \"cd02\", "
                + "\"uniques\": 10, \"uniques_round\": 5, \"forgers\": 6, \"forgers_round\": 2}}";
        Rendered rendered = HeightsCommand.render(json(answer));
        assertEquals(answer, PythonJson.render(rendered.json()));
        assertEquals(""
                + "PEER             HEIGHT  ROUND  SLOT  HASH  UNIQUES  FORGERS\n"
                + "10.0.0.2:06969   5       100    3     ab01  4/2      3/1\n"
                + "10.0.0.30:06969  12      100    4     cd02  10/5     6/2\n", rendered.human());
        assertEquals("no peer reported a height\n", HeightsCommand.render(json("{}")).human());
    }

    @Test
    void peersJoinTheConnectionsWithTheirHeights() throws Exception {
        Rendered rendered = PeersCommand.render(json("{\"connected_count\": 2, \"outbound\": [\"10.0.0.2:06969\"], "
                + "\"inbound\": [\"10.0.0.2:06969\", \"127.0.0.1:00101\"], \"net_height\": null}"),
                json("{\"10.0.0.2:06969\": {\"height\": 5, \"round\": 100, \"sir\": 3, \"block_hash\": \"ab01\"}}"));
        assertEquals("{\"connected_count\": 2, \"net_height\": null, \"peers\": [{\"peer\": \"10.0.0.2:06969\", "
                + "\"outbound\": true, \"inbound\": true, \"height\": {\"height\": 5, \"round\": 100, \"sir\": 3, "
                + "\"block_hash\": \"ab01\"}}, {\"peer\": \"127.0.0.1:00101\", \"outbound\": false, \"inbound\": true, "
                + "\"height\": null}]}", PythonJson.render(rendered.json()));
        assertEquals(""
                + "2 connected: 1 outbound, 2 inbound\n"
                + "PEER             DIRECTION  HEIGHT  ROUND  SLOT  HASH\n"
                + "10.0.0.2:06969   both       5       100    3     ab01\n"
                + "127.0.0.1:00101  in         -       -      -     -\n", rendered.human());
    }

    @Test
    void theCurrentRoundShowsItsPeersAndSlots() throws Exception {
        String answer = "{\"start\": 1700000000, \"previous\": 7697, \"connect_to\": [[\"BPeer1\", \"10.0.0.2\", \"6969\", "
                + "10, \"BReg1\", \"BRew1\"]], \"slots\": [[\"BPeer1\", 4], [\"BNode\", 7]], "
                + "\"test_slots\": [[[\"BPeer1\", \"BNode\", 1]], []]}";
        Rendered rendered = RoundCommand.renderCurrent(json(answer));
        assertEquals(answer, PythonJson.render(rendered.json()));
        assertEquals(""
                + "round 7697, processed from 2023-11-14T22:13:20Z\n"
                + "connect to 1 peers\n"
                + "POS ADDRESS  IP        PORT  WEIGHT\n"
                + "BPeer1       10.0.0.2  6969  10\n"
                + "SLOT  FORGER  TICKET  TESTS\n"
                + "0     BPeer1  4       1\n"
                + "1     BNode   7       0\n", rendered.human());
        assertEquals("no round processed yet\n", RoundCommand.renderCurrent(json("{\"start\": 0, \"previous\": 0, "
                + "\"connect_to\": [], \"slots\": null, \"test_slots\": null}")).human());
    }

    @Test
    void aRecordedRoundOrItsAbsence() throws Exception {
        String answer = "{\"round\": 7000, \"active_hns\": [\"BPeer1\", \"BNode\"], \"slots\": [[\"BNode\", 2]], "
                + "\"test_slots\": [[]]}";
        Rendered rendered = RoundCommand.renderRecorded(7000, json(answer));
        assertEquals(answer, PythonJson.render(rendered.json()));
        assertEquals("round 7000 (recorded), 2 active hypernodes\nSLOT  FORGER  TICKET  TESTS\n0     BNode   2       0\n",
                rendered.human());
        Rendered absent = RoundCommand.renderRecorded(7001, NullNode.instance);
        assertEquals("false", PythonJson.render(absent.json()));
        assertEquals(QueryExit.NOT_FOUND, absent.exit());
        assertEquals("round 7001 is not recorded by this node\n", absent.human());
    }

    @Test
    void hypernodeRowsAndRegistryObjectsAreTables() throws Exception {
        String rows = "[[\"BPeer1\", \"10.0.0.2\", \"6969\", 10, \"BReg1\", \"BRew1\"]]";
        Rendered list = HypernodesCommand.render(json(rows));
        assertEquals(rows, PythonJson.render(list.json()));
        assertEquals(""
                + "POS ADDRESS  IP        PORT  WEIGHT  REGISTRAR  REWARD\n"
                + "BPeer1       10.0.0.2  6969  10      BReg1      BRew1\n", list.human());
        String registry = "{\"BReg1\": {\"ip\": \"10.0.0.2\", \"port\": \"6969\", \"pos\": \"BPeer1\", \"reward\": \"BRew1\", "
                + "\"weight\": 10, \"timestamp\": 1700000000, \"active\": true}}";
        Rendered object = HypernodesCommand.render(json(registry));
        assertEquals(registry, PythonJson.render(object.json()));
        assertEquals(""
                + "ADDRESS  IP        PORT  POS     REWARD  WEIGHT  TIMESTAMP   ACTIVE\n"
                + "BReg1    10.0.0.2  6969  BPeer1  BRew1   10      1700000000  true\n", object.human());
        assertEquals("ADDRESS  IP        KPIS\nBPos     10.0.0.2  {\"forged\":2,\"active\":true}\n",
                HypernodesCommand.render(json("{\"BPos\": {\"ip\": \"10.0.0.2\", \"kpis\": {\"forged\": 2, "
                        + "\"active\": true}}}")).human());
    }

    @Test
    void aBlockAsTheReferenceClientPrintsIt() {
        Rendered rendered = BlockCommand.render(BLOCK);
        assertEquals("{\"txs\": [" + TX_JSON + "], \"height\": 12, \"round\": 7697, \"sir\": 3, \"timestamp\": 1700000000, "
                + "\"previous_hash\": \"" + "11".repeat(20) + "\", \"msg_count\": 1, \"uniques_sources\": 1, "
                + "\"signature\": \"" + "22".repeat(64) + "\", \"block_hash\": \"" + "33".repeat(20) + "\", "
                + "\"received_by\": \"\", \"forger\": \"BForger\"}", PythonJson.render(rendered.json()));
        assertEquals(""
                + "block     12, round 7697 slot 3, " + TIME_TEXT + "\n"
                + "forger    BForger\n"
                + "hash      " + "33".repeat(20) + "\n"
                + "previous  " + "11".repeat(20) + "\n"
                + "messages  1 from 1 senders\n"
                + TX_TABLE, rendered.human());
    }

    @Test
    void headersAreBlockObjectsAndOneRowPerBlock() {
        assertEquals("", HeadersCommand.parameter(null, null));
        assertEquals(",5", HeadersCommand.parameter(null, 5));
        assertEquals("1000,5", HeadersCommand.parameter(1000L, 5));
        assertEquals("1000,20", HeadersCommand.parameter(1000L, null));
        Rendered rendered = HeadersCommand.render(List.of(BLOCK));
        assertEquals("[" + PythonJson.render(BlockCommand.render(BLOCK).json()) + "]", PythonJson.render(rendered.json()));
        assertEquals(""
                + "HEIGHT  ROUND  SLOT  TIME                  MESSAGES  FORGER   HASH\n"
                + "12      7697   3     " + TIME_TEXT + "  1         BForger  " + "33".repeat(20) + "\n", rendered.human());
        assertEquals("no block\n", HeadersCommand.render(List.of()).human());
    }

    @Test
    void aTransactionIsAOneElementArrayAndOneFieldPerLine() {
        Rendered rendered = TxCommand.render(TX);
        assertEquals("[" + TX_JSON + "]", PythonJson.render(rendered.json()));
        assertEquals(""
                + "txid       " + "ab".repeat(64) + "\n"
                + "height     12\n"
                + "time       " + TIME_TEXT + "\n"
                + "sender     BSender\n"
                + "recipient  BRecipient\n"
                + "what       202\n"
                + "params     START\n"
                + "value      1\n"
                + "pubkey     " + "01".repeat(64) + "\n", rendered.human());
    }

    @Test
    void addressTxsAndTheMempoolAreTransactionListings() {
        Rendered listing = ChainRendering.listing(List.of(TX), "nothing\n");
        assertEquals("[" + TX_JSON + "]", PythonJson.render(listing.json()));
        assertEquals(TX_TABLE, listing.human());
        Rendered empty = ChainRendering.listing(List.of(), "the mempool is empty\n");
        assertEquals("[]", PythonJson.render(empty.json()));
        assertEquals("the mempool is empty\n", empty.human());
    }

    @Test
    void everyQueryListsTheExitCodesAndTreatsBadUsageAsExit1() {
        for (String query : List.of("status", "heights", "round", "hypernodes", "block", "headers", "tx", "addtxs",
                "mempool", "peers")) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = HnCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));
            assertEquals(0, commandLine.execute(query, "--help"), query);
            assertTrue(out.toString().contains("Exit codes:"), query + ": " + out);
            assertTrue(out.toString().contains("the node is unhealthy (hn status only"), query);
            assertTrue(out.toString().contains("--token=TOKEN"), query);
            assertEquals(1, commandLine.execute(query, "--no-such-option"), query);
        }
    }
}
