package org.hn.chain.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HexFormat;

/**
 * The 10-element JSON row form of a message used outside the peer protocol ({@code spec/chain.md §4.5}):
 * {@code [txid_hex, block_height, timestamp, sender, recipient, what, params, value, pubkey_hex, received]}.
 */
public final class MessageRows {

    private static final HexFormat HEX = HexFormat.of();

    private MessageRows() {
    }

    /**
     * Reads one row.
     *
     * @throws MalformedRowException naming the column that is missing or of the wrong type
     */
    public static PosMessage fromRow(JsonNode row) throws MalformedRowException {
        if (row == null || !row.isArray() || row.size() != 10) {
            throw new MalformedRowException("a message row is an array of 10 elements, got "
                    + (row == null ? "nothing" : row.isArray() ? row.size() + " elements" : row.getNodeType()));
        }
        return new PosMessage(
                hex(row, 0, "txid"), integer(row, 1, "block_height"), integer(row, 2, "timestamp"),
                text(row, 3, "sender"), text(row, 4, "recipient"), integer(row, 5, "what"),
                text(row, 6, "params"), integer(row, 7, "value"), hex(row, 8, "pubkey"), integer(row, 9, "received"));
    }

    /** Writes one row, binary fields as lowercase hex. */
    public static ArrayNode toRow(PosMessage message) {
        ArrayNode row = JsonNodeFactory.instance.arrayNode(10);
        row.add(HEX.formatHex(message.txid())).add(message.blockHeight()).add(message.timestamp())
                .add(message.sender()).add(message.recipient()).add(message.what()).add(message.params())
                .add(message.value()).add(HEX.formatHex(message.pubkey())).add(message.received());
        return row;
    }

    private static byte[] hex(JsonNode row, int column, String name) throws MalformedRowException {
        String text = text(row, column, name);
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedRowException(name + " (column " + column + ") is not hex");
        }
    }

    private static String text(JsonNode row, int column, String name) throws MalformedRowException {
        JsonNode node = row.get(column);
        if (!node.isTextual()) {
            throw new MalformedRowException(name + " (column " + column + ") must be a string, got " + node.getNodeType());
        }
        return node.textValue();
    }

    private static long integer(JsonNode row, int column, String name) throws MalformedRowException {
        JsonNode node = row.get(column);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new MalformedRowException(name + " (column " + column + ") must be an integer, got " + node);
        }
        return node.longValue();
    }
}
