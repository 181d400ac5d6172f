package org.hn.node.wire.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * First inbound handler of an accepted connection ({@code DESIGN.md §4}): looks at the first byte, installs
 * the matching frame decoder and encoder right after itself (named {@link #DECODER_NAME} and
 * {@link #ENCODER_NAME}), fires the detected {@link FrameFormat} as a user event and removes itself. The
 * bytes it has seen are handed on to the new decoder.
 */
public final class FrameFormatDetector extends ByteToMessageDecoder {

    /** Pipeline name of the installed frame decoder. */
    public static final String DECODER_NAME = "frame-decoder";
    /** Pipeline name of the installed frame encoder. */
    public static final String ENCODER_NAME = "frame-encoder";

    private final FrameSettings settings;

    /** @param settings handed to whichever frame decoder and encoder get installed */
    public FrameFormatDetector(FrameSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        FrameFormat format = FrameFormat.ofFirstByte(in.getUnsignedByte(in.readerIndex()));
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addAfter(ctx.name(), DECODER_NAME, format.newDecoder(settings));
        pipeline.addAfter(ctx.name(), ENCODER_NAME, format.newEncoder(settings));
        ctx.fireUserEventTriggered(format);
        pipeline.remove(this);
    }
}
