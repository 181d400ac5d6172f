package org.hn.node.shell;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.util.HexFormat;
import org.hn.node.wire.proto.Block;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Height;
import org.hn.node.wire.proto.TX;

/**
 * The fields of a {@link Command} as JSON, for the {@code hn peer} log: {@code command} (its name), then only the
 * fields that are set, under their {@code spec/wire.md §2} names: {@code string_value}, {@code int32_value},
 * {@code height_value} (an object), {@code block_value} (block objects with {@code txs} as a count),
 * {@code tx_values} (tx objects), {@code hash_values} (hex strings). Bytes are lowercase hex.
 */
final class MessageJson {

    private static final HexFormat HEX = HexFormat.of();

    private MessageJson() {
    }

    /** Adds the command's fields to {@code into}. */
    static void fill(ObjectNode into, Command command) {
        into.put("command", command.getCommand().name());
        switch (command.getParamCase()) {
            case STRING_VALUE -> into.put("string_value", command.getStringValue());
            case INT32_VALUE -> into.put("int32_value", command.getInt32Value());
            case HEIGHT_VALUE -> height(into.putObject("height_value"), command.getHeightValue());
            case PARAM_NOT_SET -> { }
        }
        if (command.getBlockValueCount() > 0) {
            ArrayNode blocks = into.putArray("block_value");
            command.getBlockValueList().forEach(block -> block(blocks.addObject(), block));
        }
        if (command.getTxValuesCount() > 0) {
            ArrayNode txs = into.putArray("tx_values");
            command.getTxValuesList().forEach(tx -> tx(txs.addObject(), tx));
        }
        if (command.getHashValuesCount() > 0) {
            ArrayNode hashes = into.putArray("hash_values");
            command.getHashValuesList().forEach(hash -> hashes.add(hex(hash)));
        }
    }

    private static void height(ObjectNode into, Height height) {
        into.put("height", height.getHeight());
        into.put("round", height.getRound());
        into.put("sir", height.getSir());
        into.put("block_hash", hex(height.getBlockHash()));
        into.put("uniques", height.getUniques());
        into.put("uniques_round", height.getUniquesRound());
        into.put("forgers", height.getForgers());
        into.put("forgers_round", height.getForgersRound());
    }

    private static void block(ObjectNode into, Block block) {
        into.put("height", block.getHeight());
        into.put("round", block.getRound());
        into.put("sir", block.getSir());
        into.put("ts", block.getTs());
        into.put("previous_hash", hex(block.getPreviousHash()));
        into.put("txs", block.getTxsCount());
        into.put("msg_count", block.getMsgCount());
        into.put("sources", block.getSources());
        into.put("block_hash", hex(block.getBlockHash()));
        into.put("forger", block.getForger());
    }

    private static void tx(ObjectNode into, TX tx) {
        into.put("txid", hex(tx.getTxid()));
        into.put("block_height", tx.getBlockHeight());
        into.put("timestamp", tx.getTimestamp());
        into.put("sender", tx.getSender());
        into.put("recipient", tx.getRecipient());
        into.put("what", tx.getWhat());
        into.put("params", tx.getParams());
        into.put("value", tx.getValue());
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }
}
