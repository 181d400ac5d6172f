package org.hn.node.wire.command;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import org.hn.node.wire.proto.Command;

/**
 * Serializes each outbound {@link Command} into a payload {@link ByteBuf} for the frame encoder
 * ({@code spec/wire.md §1.7}): fields in field-number order, as the reference emits them.
 *
 * <p>Like the reference's runtime, refuses a message with a required field unset (at any depth): the write
 * fails with an {@link EncoderException} naming the missing fields, since strict receivers would reject it.
 */
public final class CommandEncoder extends MessageToMessageEncoder<Command> {

    public CommandEncoder() {
        super(Command.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Command command, List<Object> out) {
        if (!command.isInitialized()) {
            throw new EncoderException("Command has unset required fields: " + command.findInitializationErrors());
        }
        out.add(Unpooled.wrappedBuffer(command.toByteArray()));
    }
}
