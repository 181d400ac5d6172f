package org.hn.node.wire.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hn.config.Network;
import org.hn.node.wire.ProtocolBreachException;
import org.hn.node.wire.ProtocolBreachException.Reason;

/**
 * Splits a v2 byte stream into payloads ({@code DESIGN.md §4}).
 *
 * <p>Frame: magic (4 bytes, per network) ‖ payload length (uint32 big-endian) ‖ checksum (first 4 bytes
 * of SHA-256(SHA-256(payload))) ‖ payload. Emits each payload as a {@link ByteBuf} (the receiver releases
 * it).
 *
 * <ul>
 *   <li>Length above {@link FrameSettings#maxPayloadBytes()}: breach {@link Reason#FRAME_TOO_LARGE} as soon
 *       as the header is read, before any byte of the body is buffered; the channel is closed.
 *   <li>Checksum mismatch: the frame is dropped, a {@link ChecksumMismatch} user event is fired and the
 *       connection stays open.
 *   <li>Bytes where a magic should be: discarded while scanning forward for the next magic; more than
 *       {@link FrameSettings#resyncLimitBytes()} discarded in a row is breach
 *       {@link Reason#MAGIC_NOT_FOUND} and the channel is closed.
 *   <li>A connection whose very first bytes are another network's magic (a node or client configured for
 *       another network): breach {@link Reason#MAGIC_NOT_FOUND} at once, so that the other side learns it
 *       from the close instead of waiting out its timeout. Later in a stream such a frame is only garbage.
 * </ul>
 */
public final class V2FrameDecoder extends FrameDecoder {

    /** Magic, length and checksum: 12 bytes. */
    public static final int HEADER_BYTES = 12;

    private final byte[] magic;
    private final FrameSettings settings;
    private long discardedSinceLastMagic;
    private boolean magicSeen;
    private long checksumMismatches;

    /** @param settings network magic, payload cap and resync limit of this node */
    public V2FrameDecoder(FrameSettings settings) {
        this.settings = settings;
        this.magic = settings.network().frameMagic();
    }

    /** Frames dropped on this channel because of a checksum mismatch. */
    public long checksumMismatches() {
        return checksumMismatches;
    }

    @Override
    protected void decodeFrame(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!alignOnMagic(ctx, in) || in.readableBytes() < HEADER_BYTES) {
            return;
        }
        int start = in.readerIndex();
        long length = in.getUnsignedInt(start + 4);
        if (length > settings.maxPayloadBytes()) {
            throw breach(ctx, in, Reason.FRAME_TOO_LARGE,
                    "v2 frame announces " + length + " bytes, cap is " + settings.maxPayloadBytes());
        }
        if (in.readableBytes() < HEADER_BYTES + length) {
            return;
        }
        int announcedChecksum = in.getInt(start + 8);
        in.skipBytes(HEADER_BYTES);
        ByteBuf payload = in.readRetainedSlice((int) length);
        if (FrameChecksum.of(payload) != announcedChecksum) {
            payload.release();
            checksumMismatches++;
            ctx.fireUserEventTriggered(new ChecksumMismatch(length, checksumMismatches));
            return;
        }
        out.add(payload);
    }

    /**
     * Discards bytes up to the first position where the magic starts, or could start once more bytes
     * arrive.
     *
     * @return true when the readable bytes begin with the full magic
     * @throws ProtocolBreachException if more than the resync limit has been discarded since the last magic
     */
    private boolean alignOnMagic(ChannelHandlerContext ctx, ByteBuf in) {
        if (!magicSeen) {
            if (in.readableBytes() < magic.length) {
                return false;
            }
            Optional<Network> other = otherNetworkAt(in, in.readerIndex());
            if (other.isPresent()) {
                throw breach(ctx, in, Reason.MAGIC_NOT_FOUND, "the peer speaks " + other.get().id() + " (magic "
                        + HexFormat.of().formatHex(other.get().frameMagic()) + "), this node "
                        + settings.network().id());
            }
        }
        int start = in.readerIndex();
        int end = in.writerIndex();
        // Stop one byte past the limit so that a flood of garbage costs no more than the limit to scan.
        long scanEnd = Math.min(end, start + settings.resyncLimitBytes() - discardedSinceLastMagic + 1);
        int candidate = start;
        while (candidate < scanEnd && !magicMayStartAt(in, candidate, end)) {
            candidate++;
        }
        int discarded = candidate - start;
        if (discarded > 0) {
            in.skipBytes(discarded);
            discardedSinceLastMagic += discarded;
            if (discardedSinceLastMagic > settings.resyncLimitBytes()) {
                throw breach(ctx, in, Reason.MAGIC_NOT_FOUND,
                        "no v2 magic within " + discardedSinceLastMagic + " bytes, limit is " + settings.resyncLimitBytes());
            }
        }
        if (in.readableBytes() < magic.length) {
            return false;
        }
        discardedSinceLastMagic = 0;
        magicSeen = true;
        return true;
    }

    /** The network, other than ours, whose magic the four bytes at {@code index} are. */
    private Optional<Network> otherNetworkAt(ByteBuf in, int index) {
        byte[] first = new byte[magic.length];
        in.getBytes(index, first);
        return Arrays.stream(Network.values())
                .filter(network -> network != settings.network() && Arrays.equals(first, network.frameMagic()))
                .findFirst();
    }

    /** True if the bytes from {@code index} to {@code end} match the magic as far as they go. */
    private boolean magicMayStartAt(ByteBuf in, int index, int end) {
        for (int offset = 0; offset < magic.length && index + offset < end; offset++) {
            if (in.getByte(index + offset) != magic[offset]) {
                return false;
            }
        }
        return true;
    }
}
