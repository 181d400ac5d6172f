package org.hn.node.wire.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.hn.node.wire.ProtocolBreachException;

/**
 * Common ground of the frame decoders: after a breach the byte stream cannot be trusted any more, so the
 * decoder closes the channel and from then on discards whatever still arrives instead of buffering it.
 */
abstract class FrameDecoder extends ByteToMessageDecoder {

    private boolean broken;

    @Override
    protected final void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        decodeFrame(ctx, in, out);
    }

    /** Decodes at most one frame from {@code in}, or leaves it untouched until more bytes arrive. */
    protected abstract void decodeFrame(ChannelHandlerContext ctx, ByteBuf in, List<Object> out);

    /**
     * Marks the stream as broken, drops its buffered bytes, closes the channel and returns the exception
     * for the caller to throw, so that the reason still reaches the session handler's
     * {@code exceptionCaught}.
     */
    protected final ProtocolBreachException breach(
            ChannelHandlerContext ctx, ByteBuf in, ProtocolBreachException.Reason reason, String detail) {
        broken = true;
        in.skipBytes(in.readableBytes());
        ctx.close();
        return new ProtocolBreachException(reason, detail);
    }
}
