package org.hn.node.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time from accept to the first complete message, however slowly its bytes trickle in: unlike
 * an idle timeout, a byte now and then does not reset it. When it runs out it fires a
 * {@link HandshakeTimeoutException}; the session removes this handler once the first message is in.
 */
public final class HandshakeTimeout extends ChannelInboundHandlerAdapter {

    /** Pipeline name, for the session to remove it. */
    public static final String NAME = "handshake-timeout";

    private final Duration timeout;
    private ScheduledFuture<?> expiry;

    /** @param timeout from the moment the handler is added */
    public HandshakeTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        expiry = ctx.executor().schedule(
                () -> ctx.fireExceptionCaught(new HandshakeTimeoutException(timeout)),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        expiry.cancel(false);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        expiry.cancel(false);
        ctx.fireChannelInactive();
    }
}
