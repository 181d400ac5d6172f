package org.hn.node.wire.frame;

import io.netty.buffer.ByteBuf;

/**
 * Wraps each outbound payload ({@link ByteBuf}) in a reference (legacy) frame
 * ({@code spec/wire.md §1.2–1.3}): length as a signed 32-bit big-endian int, then the payload.
 */
public final class LegacyFrameEncoder extends FrameEncoder {

    /** @param settings payload cap of this node (the magic is unused in this framing) */
    public LegacyFrameEncoder(FrameSettings settings) {
        super(settings, LegacyFrameDecoder.HEADER_BYTES);
    }

    @Override
    protected void writeHeader(ByteBuf header, ByteBuf payload) {
        header.writeInt(payload.readableBytes());
    }
}
