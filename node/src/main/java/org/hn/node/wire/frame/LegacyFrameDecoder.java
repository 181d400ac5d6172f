package org.hn.node.wire.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;
import org.hn.node.wire.ProtocolBreachException.Reason;

/**
 * Splits a reference (legacy) byte stream into payloads ({@code spec/wire.md §1.2}): payload length as a
 * signed 32-bit big-endian int, then the payload. Emits each payload as a {@link ByteBuf} (the receiver
 * releases it).
 *
 * <p>A negative length is breach {@link Reason#NEGATIVE_FRAME_LENGTH}, a length above
 * {@link FrameSettings#maxPayloadBytes()} is breach {@link Reason#FRAME_TOO_LARGE}; both are detected from
 * the header alone, before the body is buffered, and close the channel ({@code spec/wire.md §1.4}).
 */
public final class LegacyFrameDecoder extends FrameDecoder {

    /** The length field: 4 bytes. */
    public static final int HEADER_BYTES = 4;

    private final FrameSettings settings;

    /** @param settings payload cap of this node (the magic is unused in this framing) */
    public LegacyFrameDecoder(FrameSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void decodeFrame(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < HEADER_BYTES) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 0) {
            throw breach(ctx, in, Reason.NEGATIVE_FRAME_LENGTH, "legacy frame announces " + length + " bytes");
        }
        if (length > settings.maxPayloadBytes()) {
            throw breach(ctx, in, Reason.FRAME_TOO_LARGE,
                    "legacy frame announces " + length + " bytes, cap is " + settings.maxPayloadBytes());
        }
        if (in.readableBytes() < HEADER_BYTES + length) {
            return;
        }
        in.skipBytes(HEADER_BYTES);
        out.add(in.readRetainedSlice(length));
    }
}
