package org.hn.node.metrics;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import org.hn.node.wire.proto.Command;

/**
 * Counts each command a connection reads or writes into {@link NodeMetrics}, by command, with its protobuf payload
 * size. Sits between the command codec and the session, so it sees decoded commands only: frames dropped by the
 * codec are counted as breaches, not as messages. Stateless, one instance for every pipeline.
 */
@ChannelHandler.Sharable
public final class CommandMeter extends ChannelDuplexHandler {

    /** Its name in the pipelines. */
    public static final String NAME = "command-meter";

    private final NodeMetrics metrics;

    CommandMeter(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof Command command) {
            metrics.commandReceived(command.getCommand(), command.getSerializedSize());
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof Command command) {
            metrics.commandSent(command.getCommand(), command.getSerializedSize());
        }
        ctx.write(message, promise);
    }
}
