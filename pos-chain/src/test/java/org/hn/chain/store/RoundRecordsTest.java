package org.hn.chain.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The round schedule records and the process start counter of the chain database (DESIGN.md §6). */
class RoundRecordsTest {

    @TempDir
    Path folder;

    @Test
    void aRoundRecordIsKeptOncePerRoundWithItsLatestSchedule() throws Exception {
        Path file = folder.resolve("chain.db");
        RoundRecord first = new RoundRecord(7, "[\"a\"]", "[[\"a\",3]]", "[[]]");
        RoundRecord recomputed = new RoundRecord(7, "[\"a\",\"b\"]", "[[\"b\",1]]", "[[[\"a\",\"b\",2]]]");
        try (ChainStore store = ChainStore.open(file)) {
            assertEquals(Optional.empty(), store.round(7));
            store.saveRound(first);
            assertEquals(Optional.of(first), store.round(7));
            store.saveRound(recomputed);
            store.saveRound(new RoundRecord(8, "[]", "[]", "[]"));
            assertEquals(Optional.of(recomputed), store.round(7));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT round, active_hns, slots, test_slots, typeof(slots) FROM pos_rounds ORDER BY round")) {
            rows.next();
            assertEquals(7, rows.getLong(1));
            assertEquals("[\"a\",\"b\"]", rows.getString(2));
            assertEquals("[[\"b\",1]]", rows.getString(3));
            assertEquals("[[[\"a\",\"b\",2]]]", rows.getString(4));
            assertEquals("text", rows.getString(5));
            rows.next();
            assertEquals(8, rows.getLong(1));
            assertEquals(false, rows.next());
        }
    }

    @Test
    void theEndOfARoundKeepsItsStatsAndOurSignatureTogether() throws Exception {
        RoundStats stats = new RoundStats(9, 100, 200, 3, 4, 60, 2, "{\"127.0.0.2:7001\":5}", "{}");
        RoundSignature signature = new RoundSignature(9, new byte[32], "forger", new byte[64]);
        try (ChainStore store = ChainStore.open(folder.resolve("chain.db"))) {
            store.saveRoundEnd(stats, Optional.of(signature));
            store.saveRoundEnd(new RoundStats(10, 1, 2, 3, 4, 120, 2, "{}", "{}"), Optional.empty());
            assertEquals(Optional.of(stats), store.roundStats(9));
            assertEquals(List.of(signature), store.roundSignatures(9));
            assertEquals(List.of(), store.roundSignatures(10));
            assertEquals(120, store.roundStats(10).orElseThrow().uptimeSeconds());
        }
    }

    @Test
    void aVersionOneDatabaseGainsTheProcessStartCounterAndKeepsItsRounds() throws Exception {
        Path file = folder.resolve("chain.db");
        RoundRecord record = new RoundRecord(3, "[]", "[]", "[]");
        try (ChainStore store = ChainStore.open(file)) {
            store.saveRound(record);
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE node_meta");
            statement.execute("PRAGMA user_version = 1");
        }
        try (ChainStore store = ChainStore.open(file)) {
            assertEquals(Optional.of(record), store.round(3));
            assertEquals(0, store.processStarts());
            assertEquals(1, store.countProcessStart());
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement();
             ResultSet version = statement.executeQuery("PRAGMA user_version")) {
            version.next();
            assertEquals(3, version.getInt(1));
        }
    }

    @Test
    void processStartsAreCountedAcrossReopens() throws Exception {
        Path file = folder.resolve("chain.db");
        try (ChainStore store = ChainStore.open(file)) {
            assertEquals(0, store.processStarts());
            assertEquals(1, store.countProcessStart());
            assertEquals(2, store.countProcessStart());
        }
        try (ChainStore store = ChainStore.open(file)) {
            assertEquals(2, store.processStarts());
            assertEquals(3, store.countProcessStart());
            assertEquals(3, store.processStarts());
        }
    }
}
