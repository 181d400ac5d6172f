package org.hn.node.wire.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Common ground of the frame encoders: a header built by the subclass followed by the payload, emitted as
 * one buffer so that both leave in a single write, without copying the payload.
 *
 * <p>A payload above {@link FrameSettings#maxPayloadBytes()} fails the write with an
 * {@link io.netty.handler.codec.EncoderException}: a peer with the same cap would drop us for it.
 */
abstract class FrameEncoder extends MessageToMessageEncoder<ByteBuf> {

    private final FrameSettings settings;
    private final int headerBytes;

    FrameEncoder(FrameSettings settings, int headerBytes) {
        super(ByteBuf.class);
        this.settings = settings;
        this.headerBytes = headerBytes;
    }

    @Override
    protected final void encode(ChannelHandlerContext ctx, ByteBuf payload, List<Object> out) {
        settings.requireSendable(payload.readableBytes());
        ByteBuf header = ctx.alloc().buffer(headerBytes);
        writeHeader(header, payload);
        CompositeByteBuf frame = ctx.alloc().compositeBuffer(2);
        frame.addComponents(true, header, payload.retain());
        out.add(frame);
    }

    /** Writes exactly the header bytes for the payload's readable bytes, leaving the payload untouched. */
    protected abstract void writeHeader(ByteBuf header, ByteBuf payload);
}
