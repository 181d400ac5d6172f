package org.hn.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hn.chain.address.Address;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.message.InvalidMessageException;
import org.hn.chain.message.PosMessage;
import org.hn.config.Network;
import org.hn.node.wire.command.CommandDecoder;
import org.hn.node.wire.command.CommandEncoder;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.frame.LegacyFrameDecoder;
import org.hn.node.wire.frame.LegacyFrameEncoder;
import org.hn.node.wire.frame.V2FrameDecoder;
import org.hn.node.wire.frame.V2FrameEncoder;
import org.hn.node.wire.mapping.ChainProtos;
import org.hn.node.wire.proto.Block;
import org.hn.node.wire.proto.Command;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Commands through the node's wire codecs on one thread, as a session's pipeline runs them: encoding is
 * {@link CommandEncoder} (protobuf) then the frame encoder, decoding is the frame decoder then
 * {@link CommandDecoder}, each in an {@link EmbeddedChannel} ({@code spec/wire.md §1}, {@code DESIGN.md §4}).
 *
 * <p>Two framings: v2 (magic, length, double-SHA-256 checksum) and the reference's legacy one (length only).
 * Two commands: a {@code height} status (a few dozen bytes) and a {@code blocksync} answer of 20 blocks of
 * 100 signed messages each. The score is frames per second; the {@code bytes} counter is the frame bytes per
 * second (header included) for MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FrameCodecBenchmark {

    private static final long TIMESTAMP = 1_700_000_000L;
    private static final long ROUND = 47_000;
    private static final long WHAT_BLOCK_MESSAGE = 202;
    private static final int BLOCKS = 20;
    private static final int TXS_PER_BLOCK = 100;
    /** Distinct senders of the block messages, as several hypernodes would send them. */
    private static final int SENDERS = 10;

    /** Which framing wraps the payload. */
    public enum Framing { V2, LEGACY }

    /** Which command is sent. */
    public enum Shape { HEIGHT, BLOCKSYNC }

    @Param
    public Framing framing;

    @Param
    public Shape shape;

    /** Frame bytes handled, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class FrameBytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    private Command command;
    private ByteBuf frame;
    private EmbeddedChannel encoding;
    private EmbeddedChannel decoding;

    @Setup
    public void setUp() throws InvalidMessageException {
        FrameSettings settings = FrameSettings.defaults(Network.MAINNET);
        command = shape == Shape.HEIGHT ? heightCommand() : blocksyncAnswer();
        encoding = new EmbeddedChannel(frameEncoder(settings), new CommandEncoder());
        decoding = new EmbeddedChannel(frameDecoder(settings), new CommandDecoder());
        ByteBuf encoded = encode();
        frame = Unpooled.copiedBuffer(encoded);
        encoded.release();
        if (!decode().equals(command)) {
            throw new IllegalStateException(framing + " " + shape + ": the decoded command differs from the sent one");
        }
    }

    @TearDown
    public void tearDown() {
        encoding.finishAndReleaseAll();
        decoding.finishAndReleaseAll();
        frame.release();
    }

    @Benchmark
    public int encodeFrame(FrameBytes counter) {
        ByteBuf encoded = encode();
        int length = encoded.readableBytes();
        encoded.release();
        counter.bytes += length;
        return length;
    }

    @Benchmark
    public Command decodeFrame(FrameBytes counter) {
        counter.bytes += frame.readableBytes();
        return decode();
    }

    /** One frame of {@link #command}, as a single buffer that the caller releases. */
    private ByteBuf encode() {
        encoding.writeOutbound(command);
        return encoding.readOutbound();
    }

    private Command decode() {
        decoding.writeInbound(frame.retainedDuplicate());
        return decoding.readInbound();
    }

    private ChannelHandler frameEncoder(FrameSettings settings) {
        return framing == Framing.V2 ? new V2FrameEncoder(settings) : new LegacyFrameEncoder(settings);
    }

    private ChannelHandler frameDecoder(FrameSettings settings) {
        return framing == Framing.V2 ? new V2FrameDecoder(settings) : new LegacyFrameDecoder(settings);
    }

    private static Command heightCommand() {
        HeightStatus status = new HeightStatus(1_234_567, ROUND, 7, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
                1_250, 12, 5, 4);
        return Commands.withHeight(Command.Type.height, ChainProtos.toProto(status));
    }

    /** 20 consecutive blocks, each of 100 messages signed by {@value #SENDERS} keys and sent to the forger. */
    private static Command blocksyncAnswer() throws InvalidMessageException {
        List<PrivateKey> senders = new ArrayList<>(SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            senders.add(BenchKey.create("hn-bench-sender-" + i));
        }
        PrivateKey forgerKey = BenchKey.create();
        String forger = Address.fromPublicKey(forgerKey.publicKey(), BenchKey.MAINNET);
        List<Block> blocks = new ArrayList<>(BLOCKS);
        byte[] previousHash = new byte[PosBlock.HASH_LENGTH];
        for (int b = 0; b < BLOCKS; b++) {
            List<PosMessage> txs = new ArrayList<>(TXS_PER_BLOCK);
            for (int t = 0; t < TXS_PER_BLOCK; t++) {
                txs.add(PosMessage.sign(senders.get(t % SENDERS), BenchKey.MAINNET, TIMESTAMP + b * TXS_PER_BLOCK + t,
                        forger, WHAT_BLOCK_MESSAGE, "block message " + t, ROUND));
            }
            PosBlock block = PosBlock.forge(forgerKey, BenchKey.MAINNET, 1_000 + b, ROUND, b % Network.FORGING_SLOTS,
                    TIMESTAMP + (b + 1) * TXS_PER_BLOCK, previousHash, txs);
            previousHash = block.blockHash();
            blocks.add(ChainProtos.toProto(block));
        }
        return Commands.withBlocks(Command.Type.blocksync, blocks);
    }
}
