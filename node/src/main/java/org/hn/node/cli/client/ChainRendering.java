package org.hn.node.cli.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hn.chain.block.PosBlock;
import org.hn.chain.message.PosMessage;
import org.hn.node.wire.mapping.ChainProtos;
import org.hn.node.wire.proto.Block;
import org.hn.node.wire.proto.TX;

/**
 * Blocks and transactions read from answers, rendered as the reference client prints them ({@code spec/client.md
 * §4.7}) and as text tables. The protobuf carries neither a block's {@code received_by} nor a transaction's
 * {@code received}: like the reference, we print {@code ""} and the time the answer was decoded.
 */
final class ChainRendering {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    private ChainRendering() {
    }

    /**
     * {@code [txid_hex, block_height, timestamp, sender, recipient, what, params, value, pubkey_hex, received]}.
     */
    static ArrayNode tx(PosMessage message) {
        return NODES.arrayNode().add(message.txidHex()).add(message.blockHeight()).add(message.timestamp())
                .add(message.sender()).add(message.recipient()).add(message.what()).add(message.params())
                .add(message.value()).add(HEX.formatHex(message.pubkey())).add(message.received());
    }

    /** A JSON array of {@link #tx} arrays. */
    static ArrayNode txs(List<PosMessage> messages) {
        ArrayNode rows = NODES.arrayNode();
        messages.forEach(message -> rows.add(tx(message)));
        return rows;
    }

    /**
     * {@code {"txs": [tx…], "height", "round", "sir", "timestamp", "previous_hash", "msg_count",
     * "uniques_sources", "signature", "block_hash", "received_by": "", "forger"}}.
     */
    static ObjectNode block(PosBlock block) {
        ObjectNode object = NODES.objectNode();
        object.set("txs", txs(block.txs()));
        object.put("height", block.height());
        object.put("round", block.round());
        object.put("sir", block.sir());
        object.put("timestamp", block.timestamp());
        object.put("previous_hash", HEX.formatHex(block.previousHash()));
        object.put("msg_count", block.msgCount());
        object.put("uniques_sources", block.uniquesSources());
        object.put("signature", HEX.formatHex(block.signature()));
        object.put("block_hash", block.blockHashHex());
        object.put("received_by", "");
        object.put("forger", block.forger());
        return object;
    }

    /** An answer's messages, received at {@code receivedSeconds} (unix seconds). */
    static List<PosMessage> messages(List<TX> protos, long receivedSeconds) {
        List<PosMessage> messages = new ArrayList<>(protos.size());
        protos.forEach(tx -> messages.add(ChainProtos.fromProto(tx, receivedSeconds)));
        return messages;
    }

    /** An answer's blocks, their messages received at {@code receivedSeconds} (unix seconds). */
    static List<PosBlock> blocks(List<Block> protos, long receivedSeconds) {
        List<PosBlock> blocks = new ArrayList<>(protos.size());
        protos.forEach(block -> blocks.add(ChainProtos.fromProto(block, "", receivedSeconds)));
        return blocks;
    }

    /** A list of messages: the JSON array of {@link #tx} arrays, and {@link #txTable} or {@code emptyText}. */
    static Rendered listing(List<PosMessage> messages, String emptyText) {
        return Rendered.ok(txs(messages), messages.isEmpty() ? emptyText : txTable(messages));
    }

    /** One row per transaction: its txid's first 16 hex digits, height, time, sender, recipient, what, params, value. */
    static String txTable(List<PosMessage> messages) {
        Table table = new Table("TXID", "HEIGHT", "TIME", "SENDER", "RECIPIENT", "WHAT", "PARAMS", "VALUE");
        for (PosMessage message : messages) {
            table.row(message.txidHex().substring(0, Math.min(16, message.txidHex().length())), message.blockHeight(),
                    time(message.timestamp()), message.sender(), message.recipient(), message.what(),
                    message.params(), message.value());
        }
        return table.render();
    }

    /** One row per block: height, round, slot, time, messages, forger, hash. */
    static String headerTable(List<PosBlock> blocks) {
        Table table = new Table("HEIGHT", "ROUND", "SLOT", "TIME", "MESSAGES", "FORGER", "HASH");
        for (PosBlock block : blocks) {
            table.row(block.height(), block.round(), block.sir(), time(block.timestamp()), block.msgCount(),
                    block.forger(), block.blockHashHex());
        }
        return table.render();
    }

    /** Unix seconds as ISO-8601 UTC, e.g. {@code 2019-07-01T12:00:00Z}. */
    static String time(long unixSeconds) {
        return Instant.ofEpochSecond(unixSeconds).toString();
    }
}
