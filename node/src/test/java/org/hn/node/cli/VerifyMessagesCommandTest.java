package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.message.MessageRows;
import org.hn.chain.message.PosMessage;
import org.hn.chain.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyMessagesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFERENCE_FILE = "mainnet-txs1000.json";
    /** Test key 2's testnet address, from {@code vectors/addresses.json}. */
    private static final String KEY2_TESTNET_ADDRESS = "ba3v8ooan5mBzHuaVzh4vsz9A8LwABZS2t";
    /** Test key 2's mainnet address, from {@code vectors/addresses.json}. */
    private static final String KEY2_MAINNET_ADDRESS = "BRmj4HvJBFxcvHYP2phwqMewPrtLWLQHZF";

    @TempDir
    Path dir;

    private static String referencePath() {
        return TestData.file(REFERENCE_FILE).toString();
    }

    private static ArrayNode referenceRows() {
        return (ArrayNode) TestData.json(REFERENCE_FILE);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path write(String name, ArrayNode rows) throws IOException {
        return Files.writeString(dir.resolve(name), JSON.writeValueAsString(rows));
    }

    @Test
    void referenceFileIsAllValidAsOneJsonLine() throws IOException {
        HnRun run = HnRun.of("verify-messages", "--json", referencePath());

        assertEquals(0, run.exit(), run.err());
        JsonNode summary = JSON.readTree(run.lastOutLine());
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("total", "valid", "invalid", "seconds"), keys);
        assertEquals(1000, summary.get("total").asLong());
        assertEquals(1000, summary.get("valid").asLong());
        assertEquals(0, summary.get("invalid").asLong());
        assertTrue(summary.get("seconds").isNumber() && summary.get("seconds").asDouble() >= 0, summary.toString());
        assertTrue(run.outLines().get(run.outLines().size() - 1).matches(
                "\\{\"total\": 1000, \"valid\": 1000, \"invalid\": 0, \"seconds\": \\d+\\.\\d{3}}"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void referenceFileReadableSummaryHasNoFailureSection() {
        HnRun run = HnRun.of("verify-messages", "--threads", "1", referencePath());

        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertEquals("File:     " + referencePath(), lines.get(0));
        assertEquals("Network:  mainnet (address id 0x19)", lines.get(1));
        assertEquals("Messages: 1000", lines.get(2));
        assertEquals("Valid:    1000", lines.get(3));
        assertEquals("Invalid:  0", lines.get(4));
        assertTrue(lines.get(5).matches("Time:     \\d+\\.\\d{3} s on 1 thread"), lines.get(5));
        assertEquals(6, lines.size(), run.out());
    }

    @Test
    void eachKindOfBadRowIsCountedWithItsReasonInRowOrderAcrossChunks() throws Exception {
        ArrayNode rows = referenceRows();
        // Rows 10, 300, 600 and 999 fall in four different chunks of the parallel run.
        String badSignatureTxid = flipLastHexDigit(rows.get(10).get(0).asText());
        rows.withArray("/10").set(0, badSignatureTxid);
        String key1Pubkey = TestData.vectors("addresses.json").at("/vectors/1/pubkey_hex").asText();
        rows.withArray("/300").set(8, key1Pubkey);
        PosMessage testnetMessage = PosMessage.sign(PrivateKey.fromBytes(TestData.testKeyBytes(2)), (byte) 0x55,
                1_600_000_000L, KEY2_TESTNET_ADDRESS, 0, "", 0);
        assertEquals(KEY2_TESTNET_ADDRESS, testnetMessage.sender());
        rows.set(600, MessageRows.toRow(testnetMessage));
        rows.withArray("/999").remove(9);
        Path file = write("tampered.json", rows);

        HnRun run = HnRun.of("verify-messages", "--threads", "4", file.toString());

        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertEquals(List.of("Messages: 1000", "Valid:    996", "Invalid:  4"), lines.subList(2, 5));
        assertEquals(List.of(
                "",
                "Invalid by reason:",
                "         1  malformed row",
                "         1  pubkey does not derive the sender address",
                "         1  sender belongs to another network",
                "         1  signature does not verify",
                "",
                "Failures (row index from 0, txid prefix, reason):",
                "  #10     " + badSignatureTxid.substring(0, 16) + "  signature does not verify",
                "  #300    " + rows.get(300).get(0).asText().substring(0, 16)
                        + "  pubkey does not derive the sender address",
                "  #600    " + testnetMessage.txidHex().substring(0, 16)
                        + "  sender belongs to another network: Invalid Network: 0x55 instead of 0x19",
                "  #999    " + rows.get(999).get(0).asText().substring(0, 16)
                        + "  malformed row: a message row is an array of 10 elements, got 9 elements"),
                lines.subList(6, lines.size()));
    }

    @Test
    void tamperedFileCountsInJsonMode() throws Exception {
        ArrayNode rows = referenceRows();
        rows.withArray("/0").set(0, flipLastHexDigit(rows.get(0).get(0).asText()));
        rows.withArray("/1").set(2, 2);
        Path file = write("two-bad.json", rows);

        JsonNode summary = JSON.readTree(HnRun.of("verify-messages", "--json", file.toString()).lastOutLine());

        assertEquals(1000, summary.get("total").asLong());
        assertEquals(998, summary.get("valid").asLong());
        assertEquals(2, summary.get("invalid").asLong());
    }

    @Test
    void rowsOfTheWrongShapeAreInvalidNotFatal() throws Exception {
        ArrayNode rows = JSON.createArrayNode();
        rows.add(referenceRows().get(5));
        rows.add(7);
        rows.addNull();
        ArrayNode wrongType = referenceRows().get(6).deepCopy();
        wrongType.set(2, "1561900477");
        rows.add(wrongType);
        ArrayNode notHex = referenceRows().get(7).deepCopy();
        notHex.set(8, "f3b1zz");
        rows.add(notHex);
        Path file = write("shapes.json", rows);

        HnRun run = HnRun.of("verify-messages", file.toString());

        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertEquals(List.of("Messages: 5", "Valid:    1", "Invalid:  4"), lines.subList(2, 5));
        assertEquals("         4  malformed row", lines.get(8));
        assertEquals(List.of(
                "  #1      -                 malformed row: a message row is an array of 10 elements, got NUMBER",
                "  #2      -                 malformed row: a message row is an array of 10 elements, got NULL",
                "  #3      " + referenceRows().get(6).get(0).asText().substring(0, 16)
                        + "  malformed row: timestamp (column 2) must be an integer, got \"1561900477\"",
                "  #4      " + referenceRows().get(7).get(0).asText().substring(0, 16)
                        + "  malformed row: pubkey (column 8) is not hex"),
                lines.subList(11, lines.size()));
    }

    @Test
    void mainnetMessagesAreAllRejectedOnTestnetAndOnlyTheFirstTenListed() {
        HnRun run = HnRun.of("verify-messages", "--network", "testnet", referencePath());

        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertEquals("Network:  testnet (address id 0x55)", lines.get(1));
        assertEquals(List.of("Messages: 1000", "Valid:    0", "Invalid:  1000"), lines.subList(2, 5));
        assertEquals("      1000  sender belongs to another network", lines.get(8));
        assertEquals("First 10 failures (row index from 0, txid prefix, reason):", lines.get(10));
        List<String> failures = lines.subList(11, lines.size());
        assertEquals(10, failures.size(), run.out());
        for (int index = 0; index < 10; index++) {
            assertTrue(failures.get(index).startsWith(String.format("  #%-6d %s  sender belongs to another network",
                    index, referenceRows().get(index).get(0).asText().substring(0, 16))), failures.get(index));
        }
    }

    @Test
    void timestampMayBeAtMostFiveSecondsAheadOfTheClock() throws Exception {
        long timestamp = 1_700_000_000L;
        PosMessage message = PosMessage.sign(PrivateKey.fromBytes(TestData.testKeyBytes(2)), (byte) 0x19,
                timestamp, KEY2_MAINNET_ADDRESS, 202, "START", 1);
        Path file = write("one.json", JSON.createArrayNode().add(MessageRows.toRow(message)));

        HnRun fiveAhead = HnRun.of(new CommandLine(new VerifyMessagesCommand(clockAt(timestamp - 5))), file.toString());
        HnRun sixAhead = HnRun.of(new CommandLine(new VerifyMessagesCommand(clockAt(timestamp - 6))), file.toString());

        assertEquals("Valid:    1", fiveAhead.outLines().get(3));
        assertEquals("Valid:    0", sixAhead.outLines().get(3));
        assertEquals("  #0      " + message.txidHex().substring(0, 16) + "  timestamp is in the future: timestamp "
                + timestamp + " is ahead of the local clock " + (timestamp - 6), sixAhead.outLines().get(11));
    }

    @Test
    void emptyArrayIsReadWithNothingToVerify() throws Exception {
        Path file = write("empty-array.json", "[]\n");

        HnRun run = HnRun.of("verify-messages", "--json", file.toString());

        assertEquals(0, run.exit(), run.err());
        JsonNode summary = JSON.readTree(run.lastOutLine());
        assertEquals(0, summary.get("total").asLong());
        assertEquals(0, summary.get("invalid").asLong());
    }

    @Test
    void missingFileExitsOneNamingIt() {
        String missing = dir.resolve("absent.json").toString();

        HnRun run = HnRun.of("verify-messages", "--json", missing);

        assertEquals(1, run.exit());
        assertEquals("hn verify-messages: cannot read " + missing + ": no such file" + System.lineSeparator(),
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void directoryExitsOne() {
        HnRun run = HnRun.of("verify-messages", dir.toString());

        assertEquals(1, run.exit());
        assertEquals("hn verify-messages: cannot read " + dir + ": it is a directory" + System.lineSeparator(),
                run.err());
    }

    @Test
    void objectInsteadOfArrayExitsOne() throws Exception {
        Path file = write("object.json", "{\"txs\": []}");

        HnRun run = HnRun.of("verify-messages", file.toString());

        assertEquals(1, run.exit());
        assertEquals("hn verify-messages: " + file + " is not a JSON array of message rows: it starts with an object"
                + " at line 1, column 1" + System.lineSeparator(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void emptyFileExitsOne() throws Exception {
        Path file = write("empty.json", "");

        HnRun run = HnRun.of("verify-messages", file.toString());

        assertEquals(1, run.exit());
        assertEquals("hn verify-messages: " + file + " is empty; expected a JSON array of message rows"
                + System.lineSeparator(), run.err());
    }

    @Test
    void invalidJsonExitsOneWithItsLine() throws Exception {
        Path file = write("broken.json", "[\n  [\"ab\", 0,\n  oops]\n]\n");

        HnRun run = HnRun.of("verify-messages", file.toString());

        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("hn verify-messages: " + file + ": invalid JSON at line 3, column "),
                run.err());
        assertTrue(run.err().contains("'oops'"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void truncatedArrayExitsOne() throws Exception {
        Path file = write("truncated.json", "[\n[\"ab\", 0, 1, \"a\", \"b\", 0, \"\", 0, \"cd\", 0],\n");

        HnRun run = HnRun.of("verify-messages", file.toString());

        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("hn verify-messages: " + file + ": invalid JSON at line 3, column 1: "),
                run.err());
    }

    @Test
    void contentAfterTheArrayExitsOne() throws Exception {
        Path file = write("two-arrays.json", "[]\n[]");

        HnRun run = HnRun.of("verify-messages", file.toString());

        assertEquals(1, run.exit());
        assertEquals("hn verify-messages: " + file + ": unexpected content after the closing ] at line 2, column 1"
                + System.lineSeparator(), run.err());
    }

    @Test
    void zeroThreadsIsAUsageError() {
        HnRun run = HnRun.of("verify-messages", "--threads", "0", referencePath());

        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("--threads must be at least 1, got 0"), run.err());
    }

    @Test
    void unknownNetworkIsAUsageError() {
        HnRun run = HnRun.of("verify-messages", "--network", "regtest", referencePath());

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("unknown network 'regtest' (expected mainnet, testnet or devnet)"), run.err());
    }

    @Test
    void helpTeachesTheRowForm() {
        HnRun run = HnRun.of("verify-messages", "--help");

        assertEquals(0, run.exit());
        String newline = System.lineSeparator();
        assertTrue(run.out().contains("  [txid_hex, block_height, timestamp, sender, recipient," + newline
                + "   what, params, value, pubkey_hex, received]" + newline), run.out());
        assertTrue(run.out().contains("hn verify-messages --json --network testnet --threads 1 txs.json"), run.out());
    }

    private static String flipLastHexDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    private static Clock clockAt(long unixSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC);
    }
}
