package org.hn.node.wire.command;

import java.util.List;
import org.hn.node.wire.proto.Block;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Height;
import org.hn.node.wire.proto.TX;

/**
 * Builds the {@link Command} shapes of the catalogue ({@code spec/wire.md §3}). Every result is fully
 * initialised: the nested {@link TX}, {@link Block} and {@link Height} values come from their generated
 * {@code build()}, which refuses unset required fields, so what these methods return always serializes
 * ({@code spec/wire.md §1.7}).
 */
public final class Commands {

    private Commands() {
    }

    /** A command without payload, e.g. {@code ping}, {@code status}, {@code ok}, {@code ko} without reason. */
    public static Command bare(Command.Type type) {
        return Command.newBuilder().setCommand(type).build();
    }

    /** A command with {@code string_value}, e.g. {@code hello}, {@code ko} with a reason, {@code getheaders}. */
    public static Command withString(Command.Type type, String value) {
        return Command.newBuilder().setCommand(type).setStringValue(value).build();
    }

    /**
     * A command with {@code int32_value}, e.g. {@code blockinfo}, {@code blocksync}, {@code roundblocks},
     * {@code getblock}. The value is always serialized, 0 included; a negative one takes 10 bytes.
     */
    public static Command withInt32(Command.Type type, int value) {
        return Command.newBuilder().setCommand(type).setInt32Value(value).build();
    }

    /** A command with {@code height_value}, e.g. {@code height} and the {@code blockinfo} answer. */
    public static Command withHeight(Command.Type type, Height height) {
        return Command.newBuilder().setCommand(type).setHeightValue(height).build();
    }

    /** A command with {@code block_value}, e.g. {@code block} and the {@code blocksync} answer; order kept. */
    public static Command withBlocks(Command.Type type, List<Block> blocks) {
        return Command.newBuilder().setCommand(type).addAllBlockValue(blocks).build();
    }

    /** A command with {@code tx_values}, e.g. {@code mempool} (possibly empty) and {@code tx}; order kept. */
    public static Command withTxs(Command.Type type, List<TX> txs) {
        return Command.newBuilder().setCommand(type).addAllTxValues(txs).build();
    }
}
