package org.hn.chain.store;

import static org.hn.chain.testing.TestChain.address;
import static org.hn.chain.testing.TestChain.forge;
import static org.hn.chain.testing.TestChain.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.message.PosMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema migration 3: txids are found through the index on their first 8 bytes ({@code txid_head}) and compared
 * whole, so txids that share those bytes are told apart, a duplicate is still refused with the first duplicated
 * txid of the block, and a version-2 database keeps its rows.
 */
class TxidHeadTest {

    private static final long T = Genesis.TIMESTAMP + 3600;

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("chain.db");
    }

    /** A message of sender key 0 whose txid is 8 bytes of 0x5a followed by 56 bytes of {@code tail}. */
    private static PosMessage sharingTheHead(int tail, long timestamp) {
        byte[] txid = new byte[64];
        Arrays.fill(txid, 0, 8, (byte) 0x5a);
        Arrays.fill(txid, 8, 64, (byte) tail);
        PosMessage signed = tx(timestamp, 0, 1, 0, "", 1);
        return new PosMessage(txid, 0, timestamp, signed.sender(), signed.recipient(), 0, "", 1, signed.pubkey(), 0);
    }

    @Test
    void txidsSharingTheirFirstEightBytesAreToldApart() throws Exception {
        PosMessage a = sharingTheHead(1, T);
        PosMessage b = sharingTheHead(2, T + 1);
        PosMessage notStored = sharingTheHead(3, T + 2);
        PosBlock first = forge(Genesis.mainnet(), 0, 1, 0, List.of(a));
        PosBlock second = forge(first, 1, 1, 1, List.of(b));
        try (ChainStore store = ChainStore.open(file())) {
            store.appendAll(List.of(first, second));
            assertTrue(store.hasTx(a.txid()));
            assertTrue(store.hasTx(b.txid()));
            assertFalse(store.hasTx(notStored.txid()));
            assertEquals(Optional.of(b.atHeight(2)), store.message(b.txid()));
            assertEquals(Optional.empty(), store.message(notStored.txid()));

            PosMessage fresh = tx(T + 3, 2, 3, 0, "", 1);
            ChainConflictException duplicate = assertThrows(ChainConflictException.class,
                    () -> store.append(forge(second, 2, 1, 2, List.of(fresh, notStored, b))));
            assertEquals(ChainConflict.DUPLICATE_TXID, duplicate.conflict());
            assertEquals("DUPLICATE_TXID: txid " + b.txidHex() + " is already in block 2", duplicate.getMessage());
            assertEquals(second, store.tip());
        }
    }

    @Test
    void aBlockOfMoreTxsThanOneQueryChecksIsCheckedWhole() throws Exception {
        PosMessage early = tx(T, 0, 1, 0, "early", 1);
        PosBlock first = forge(Genesis.mainnet(), 0, 1, 0, List.of(early));
        List<PosMessage> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(tx(T + 1 + i, i % 5, (i + 1) % 5, 0, "many:" + i, 1));
        }
        List<PosMessage> withDuplicateLate = new ArrayList<>(many);
        withDuplicateLate.set(120, early);
        try (ChainStore store = ChainStore.open(file())) {
            store.append(first);
            ChainConflictException duplicate = assertThrows(ChainConflictException.class,
                    () -> store.append(forge(first, 1, 1, 1, withDuplicateLate)));
            assertEquals("DUPLICATE_TXID: txid " + early.txidHex() + " is already in block 1", duplicate.getMessage());

            PosBlock second = forge(first, 1, 1, 1, many);
            store.append(second);
            assertEquals(second, store.tip());
            PosMessage last = many.get(149);
            ChainConflictException lastOfMany = assertThrows(ChainConflictException.class,
                    () -> store.append(forge(second, 2, 1, 2, List.of(tx(T + 500, 3, 4, 0, "", 1), last))));
            assertEquals("DUPLICATE_TXID: txid " + last.txidHex() + " is already in block 2", lastOfMany.getMessage());
        }
    }

    @Test
    void aVersionTwoDatabaseIsRebuiltWithTheTxidHeadIndexAndKeepsItsRows() throws Exception {
        PosBlock first = forge(Genesis.mainnet(), 0, 1, 0, List.of(tx(T, 0, 1, 202, "START", 1),
                tx(T + 1, 1, 2, 200, "R.SYNC:1.2.3.4:06969", 1)));
        PosBlock second = forge(first, 1, 1, 1, List.of(tx(T + 2, 2, 3, 201, "NO_TEST:1", 1)));
        try (ChainStore store = ChainStore.open(file())) {
            store.appendAll(List.of(first, second));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = raw.createStatement()) {
            // Back to the layout of version 2: txid the primary key, no txid_head index.
            String current = single(statement, "SELECT sql FROM sqlite_master WHERE name = 'pos_messages'");
            String versionTwo = current.replaceFirst("(txid\\s+BLOB \\(64\\)) NOT NULL", "$1 PRIMARY KEY NOT NULL");
            assertTrue(versionTwo.contains("PRIMARY KEY"), versionTwo);
            statement.execute("ALTER TABLE pos_messages RENAME TO messages_copy");
            statement.execute(versionTwo);
            statement.execute("INSERT INTO pos_messages SELECT * FROM messages_copy");
            statement.execute("DROP TABLE messages_copy");
            statement.execute("PRAGMA user_version = 2");
            assertEquals("sqlite_autoindex_pos_messages_1,sqlite_autoindex_pos_messages_2", indexes(statement));
        }
        try (ChainStore store = ChainStore.open(file())) {
            assertEquals(Optional.of(first), store.block(1));
            assertEquals(second, store.tip());
            PosMessage stored = first.txs().get(1);
            assertEquals(Optional.of(stored.atHeight(1)), store.message(stored.txid()));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = raw.createStatement()) {
            assertEquals("3", single(statement, "PRAGMA user_version"));
            assertEquals("height_ts,recipient,sender,sqlite_autoindex_pos_messages_1,txid_head", indexes(statement));
            assertEquals("block_height,position", single(statement, "SELECT group_concat(name)"
                    + " FROM pragma_index_info('sqlite_autoindex_pos_messages_1')"));
            assertEquals("SEARCH pos_messages USING INDEX txid_head (<expr>=?)", planDetail(statement,
                    "SELECT block_height FROM pos_messages WHERE substr(txid, 1, 8) = x'00' AND txid = x'00'"));
            assertEquals("ok", single(statement, "PRAGMA integrity_check"));
            assertEquals(address(2), single(statement, "SELECT recipient FROM pos_messages WHERE block_height = 1"
                    + " AND position = 1"));
        }
    }

    /** The names of the indexes on {@code pos_messages}, sorted, comma-separated. */
    private static String indexes(Statement statement) throws Exception {
        return single(statement, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master"
                + " WHERE type = 'index' AND tbl_name = 'pos_messages' ORDER BY name)");
    }

    private static String planDetail(Statement statement, String query) throws Exception {
        try (ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + query)) {
            assertTrue(rows.next(), query);
            return rows.getString("detail");
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), sql);
            String value = rows.getString(1);
            return value == null ? "" : value;
        }
    }
}
