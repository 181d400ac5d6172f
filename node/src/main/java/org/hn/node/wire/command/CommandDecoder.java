package org.hn.node.wire.command;

import com.google.protobuf.CodedInputStream;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.io.IOException;
import java.util.List;
import org.hn.node.wire.ProtocolBreachException;
import org.hn.node.wire.ProtocolBreachException.Reason;
import org.hn.node.wire.proto.Command;

/**
 * Turns each frame payload into a {@link Command} ({@code spec/wire.md §1.6, §2}).
 *
 * <p>Parsing is lenient like the reference's: missing required fields, at any depth, read as their
 * defaults (a missing {@code command} reads as {@code hello}); consumers validate the fields they use.
 * A payload that is not protobuf is breach {@link Reason#MALFORMED_COMMAND}; a command id outside
 * {@code Command.Type} is breach {@link Reason#UNKNOWN_COMMAND} (the reference closes on unknown commands,
 * {@code spec/wire.md §8}). Framing is intact after either, so this decoder does not close the channel:
 * the session handler does, in its {@code exceptionCaught}.
 */
public final class CommandDecoder extends MessageToMessageDecoder<ByteBuf> {

    public CommandDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf payload, List<Object> out) {
        out.add(parse(payload));
    }

    /**
     * Parses one {@code Command} from the payload's readable bytes, leaving the buffer's indices untouched.
     *
     * @throws ProtocolBreachException with {@link Reason#MALFORMED_COMMAND} or {@link Reason#UNKNOWN_COMMAND}
     */
    public static Command parse(ByteBuf payload) {
        Command.Builder builder = Command.newBuilder();
        try {
            builder.mergeFrom(CodedInputStream.newInstance(payload.nioBuffer()));
        } catch (IOException e) {
            // Reading from memory, so the only IOException is protobuf's InvalidProtocolBufferException.
            throw new ProtocolBreachException(Reason.MALFORMED_COMMAND,
                    payload.readableBytes() + "-byte payload: " + e.getMessage());
        }
        // proto2 enums are closed: an unknown id lands in the unknown fields and would read as hello.
        if (builder.getUnknownFields().hasField(Command.COMMAND_FIELD_NUMBER)) {
            throw new ProtocolBreachException(Reason.UNKNOWN_COMMAND,
                    "command id " + builder.getUnknownFields().getField(Command.COMMAND_FIELD_NUMBER).getVarintList());
        }
        return builder.buildPartial();
    }
}
