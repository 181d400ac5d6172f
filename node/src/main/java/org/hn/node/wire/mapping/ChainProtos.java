package org.hn.node.wire.mapping;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.message.PosMessage;
import org.hn.node.wire.proto.Block;
import org.hn.node.wire.proto.Height;
import org.hn.node.wire.proto.TX;

/**
 * Converts the chain's messages, blocks and height statuses to and from their protobuf forms
 * ({@code spec/wire.md §2}, {@code spec/chain.md §4.5}).
 *
 * <p>Reading is lenient like the reference's: a missing field reads as its default (empty bytes, 0, "")
 * and the result is judged later by the message and block validators, which name what is wrong. uint32
 * fields are read as unsigned. Writing sets every required field.
 */
public final class ChainProtos {

    private static final HexFormat HEX = HexFormat.of();

    private ChainProtos() {
    }

    /** The protobuf TX of a message; {@code received} is local and not sent. */
    public static TX toProto(PosMessage message) {
        return TX.newBuilder()
                .setTxid(ByteString.copyFrom(message.txid()))
                .setBlockHeight((int) message.blockHeight())
                .setTimestamp((int) message.timestamp())
                .setSender(message.sender())
                .setRecipient(message.recipient())
                .setWhat((int) message.what())
                .setValue((int) message.value())
                .setParams(message.params())
                .setPubkey(ByteString.copyFrom(message.pubkey()))
                .build();
    }

    /**
     * A message read from a peer.
     *
     * @param receivedSeconds local reception time, unix seconds (chain.md §4.5)
     */
    public static PosMessage fromProto(TX tx, long receivedSeconds) {
        return new PosMessage(tx.getTxid().toByteArray(), Integer.toUnsignedLong(tx.getBlockHeight()),
                Integer.toUnsignedLong(tx.getTimestamp()), tx.getSender(), tx.getRecipient(),
                Integer.toUnsignedLong(tx.getWhat()), tx.getParams(), Integer.toUnsignedLong(tx.getValue()),
                tx.getPubkey().toByteArray(), receivedSeconds);
    }

    /** The protobuf Block of a block, txs in block order; {@code received_by} is local and not sent. */
    public static Block toProto(PosBlock block) {
        Block.Builder builder = Block.newBuilder()
                .setHeight((int) block.height())
                .setRound((int) block.round())
                .setSir(block.sir())
                .setTs((int) block.timestamp())
                .setPreviousHash(ByteString.copyFrom(block.previousHash()))
                .setMsgCount(block.msgCount())
                .setSources(block.uniquesSources())
                .setSignature(ByteString.copyFrom(block.signature()))
                .setBlockHash(ByteString.copyFrom(block.blockHash()))
                .setForger(block.forger());
        for (PosMessage tx : block.txs()) {
            builder.addTxs(toProto(tx));
        }
        return builder.build();
    }

    /**
     * A block read from a peer; its txs keep the received order (chain.md §5.3).
     *
     * @param receivedBy      the sending peer's key, stored locally
     * @param receivedSeconds local reception time of its txs, unix seconds
     */
    public static PosBlock fromProto(Block block, String receivedBy, long receivedSeconds) {
        List<PosMessage> txs = new ArrayList<>(block.getTxsCount());
        for (TX tx : block.getTxsList()) {
            txs.add(fromProto(tx, receivedSeconds));
        }
        return new PosBlock(Integer.toUnsignedLong(block.getHeight()), Integer.toUnsignedLong(block.getRound()),
                block.getSir(), Integer.toUnsignedLong(block.getTs()), block.getPreviousHash().toByteArray(),
                block.getMsgCount(), block.getSources(), block.getSignature().toByteArray(),
                block.getBlockHash().toByteArray(), receivedBy, block.getForger(), txs);
    }

    /** The protobuf Height of a height status; the hex block hash is sent as raw bytes. */
    public static Height toProto(HeightStatus status) {
        return Height.newBuilder()
                .setHeight((int) status.height())
                .setRound((int) status.round())
                .setSir(status.sir())
                .setBlockHash(ByteString.copyFrom(HEX.parseHex(status.blockHash())))
                .setUniques((int) status.uniques())
                .setUniquesRound((int) status.uniquesRound())
                .setForgers((int) status.forgers())
                .setForgersRound((int) status.forgersRound())
                .build();
    }

    /** A height status read from a peer; the raw block hash becomes lowercase hex. */
    public static HeightStatus fromProto(Height height) {
        return new HeightStatus(Integer.toUnsignedLong(height.getHeight()), Integer.toUnsignedLong(height.getRound()),
                height.getSir(), HEX.formatHex(height.getBlockHash().toByteArray()),
                Integer.toUnsignedLong(height.getUniques()), Integer.toUnsignedLong(height.getUniquesRound()),
                Integer.toUnsignedLong(height.getForgers()), Integer.toUnsignedLong(height.getForgersRound()));
    }
}
