package org.hn.node.wire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * Test stand-in for the session handler: keeps the user events and exceptions it sees and passes them on.
 * Keeping exceptions matters because {@code EmbeddedChannel} rethrows only the first one of a write.
 */
public final class InboundRecorder extends ChannelInboundHandlerAdapter {

    private final List<Object> userEvents = new ArrayList<>();
    private final List<Throwable> exceptions = new ArrayList<>();

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        userEvents.add(event);
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        exceptions.add(cause);
        ctx.fireExceptionCaught(cause);
    }

    public List<Object> userEvents() {
        return userEvents;
    }

    public List<Throwable> exceptions() {
        return exceptions;
    }
}
