package org.hn.node.wire.frame;

import io.netty.buffer.ByteBuf;

/**
 * Wraps each outbound payload ({@link ByteBuf}) in a v2 frame ({@code DESIGN.md §4}): magic ‖ length
 * (uint32 BE) ‖ checksum ‖ payload.
 */
public final class V2FrameEncoder extends FrameEncoder {

    private final byte[] magic;

    /** @param settings network magic and payload cap of this node */
    public V2FrameEncoder(FrameSettings settings) {
        super(settings, V2FrameDecoder.HEADER_BYTES);
        this.magic = settings.network().frameMagic();
    }

    @Override
    protected void writeHeader(ByteBuf header, ByteBuf payload) {
        header.writeBytes(magic).writeInt(payload.readableBytes()).writeInt(FrameChecksum.of(payload));
    }
}
