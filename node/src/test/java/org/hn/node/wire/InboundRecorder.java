package org.hn.node.wire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;

/** Test stand-in for the session handler: keeps the user events it sees and passes everything on. */
public final class InboundRecorder extends ChannelInboundHandlerAdapter {

    private final List<Object> userEvents = new ArrayList<>();

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        userEvents.add(event);
        ctx.fireUserEventTriggered(event);
    }

    public List<Object> userEvents() {
        return userEvents;
    }
}
