package org.hn.chain.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.hn.chain.block.PosBlock;
import org.hn.chain.message.PosMessage;

/**
 * Turns {@code pos_chain} and {@code pos_messages} rows back into blocks and messages, checking each value's
 * SQLite storage class and, for binary values, its length. A row that fails is reported as a
 * {@link CorruptRowException} naming the column, never returned half-valid.
 *
 * <p>Queries must select the columns named by {@link #BLOCK_COLUMNS} and {@link #MESSAGE_COLUMNS} in that order.
 */
final class StoredRows {

    /** The block columns, in the order {@link #block} reads them. */
    static final String BLOCK_COLUMNS = "height, round, sir, timestamp, previous_hash, msg_count, uniques_sources,"
            + " signature, block_hash, received_by, forger";
    /** The message columns, in the order {@link #message} reads them. */
    static final String MESSAGE_COLUMNS = "txid, block_height, timestamp, sender, recipient, what, params, value,"
            + " pubkey, received";

    private static final int TXID_LENGTH = 64;
    private static final int PUBKEY_LENGTH = 64;
    private static final int SIGNATURE_LENGTH = 64;

    private StoredRows() {
    }

    /** Reads the block header at the cursor and attaches {@code txs} (already read, in block order). */
    static PosBlock block(ResultSet row, List<PosMessage> txs) throws SQLException, CorruptRowException {
        long height = integer(row, 1, "pos_chain", "height", "height");
        String key = "height " + height;
        return new PosBlock(height,
                integer(row, 2, "pos_chain", key, "round"),
                (int) integer(row, 3, "pos_chain", key, "sir"),
                integer(row, 4, "pos_chain", key, "timestamp"),
                blob(row, 5, "pos_chain", key, "previous_hash", PosBlock.HASH_LENGTH),
                (int) integer(row, 6, "pos_chain", key, "msg_count"),
                (int) integer(row, 7, "pos_chain", key, "uniques_sources"),
                blob(row, 8, "pos_chain", key, "signature", SIGNATURE_LENGTH),
                blob(row, 9, "pos_chain", key, "block_hash", PosBlock.HASH_LENGTH),
                text(row, 10, "pos_chain", key, "received_by"),
                text(row, 11, "pos_chain", key, "forger"),
                txs);
    }

    /** Reads the message at the cursor. */
    static PosMessage message(ResultSet row) throws SQLException, CorruptRowException {
        Object txidValue = row.getObject(1);
        String key = txidValue instanceof byte[] bytes ? "txid " + HexFormat.of().formatHex(bytes) : "txid " + txidValue;
        return new PosMessage(
                blob(row, 1, "pos_messages", key, "txid", TXID_LENGTH),
                integer(row, 2, "pos_messages", key, "block_height"),
                integer(row, 3, "pos_messages", key, "timestamp"),
                text(row, 4, "pos_messages", key, "sender"),
                text(row, 5, "pos_messages", key, "recipient"),
                integer(row, 6, "pos_messages", key, "what"),
                text(row, 7, "pos_messages", key, "params"),
                integer(row, 8, "pos_messages", key, "value"),
                blob(row, 9, "pos_messages", key, "pubkey", PUBKEY_LENGTH),
                integer(row, 10, "pos_messages", key, "received"));
    }

    private static long integer(ResultSet row, int column, String table, String key, String name)
            throws SQLException, CorruptRowException {
        Object value = row.getObject(column);
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new CorruptRowException(table, key, name, "must be an INTEGER, holds " + describe(value));
    }

    private static String text(ResultSet row, int column, String table, String key, String name)
            throws SQLException, CorruptRowException {
        Object value = row.getObject(column);
        if (value instanceof String text) {
            return text;
        }
        throw new CorruptRowException(table, key, name, "must be TEXT, holds " + describe(value));
    }

    private static byte[] blob(ResultSet row, int column, String table, String key, String name, int length)
            throws SQLException, CorruptRowException {
        Object value = row.getObject(column);
        if (!(value instanceof byte[] bytes)) {
            throw new CorruptRowException(table, key, name, "must be a BLOB, holds " + describe(value));
        }
        if (bytes.length != length) {
            throw new CorruptRowException(table, key, name, "must be " + length + " bytes, holds " + bytes.length);
        }
        return bytes;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        return value instanceof byte[] bytes ? "a BLOB of " + bytes.length + " bytes"
                : "a " + value.getClass().getSimpleName() + " " + value;
    }
}
