package org.hn.node.peers;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.time.Clock;

/**
 * Counts the bytes a connection reads and writes into its {@link ConnectionStats}, frame headers included
 * ({@code spec/wire.md §6.2}). Sits next to the socket, below the frame codec, so it sees raw bytes.
 */
public final class TrafficMeter extends ChannelDuplexHandler {

    private final ConnectionStats stats;
    private final Clock clock;

    /**
     * @param stats where to count
     * @param clock time of the activity
     */
    public TrafficMeter(ConnectionStats stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        long bytes = sizeOf(message);
        if (bytes > 0) {
            stats.bytesReceived(bytes, clock.instant());
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        long bytes = sizeOf(message);
        if (bytes > 0 && promise.isVoid()) {
            stats.bytesSent(bytes, clock.instant());
        } else if (bytes > 0) {
            promise.addListener(future -> {
                if (future.isSuccess()) {
                    stats.bytesSent(bytes, clock.instant());
                }
            });
        }
        ctx.write(message, promise);
    }

    private static long sizeOf(Object message) {
        if (message instanceof ByteBuf buffer) {
            return buffer.readableBytes();
        }
        if (message instanceof ByteBufHolder holder) {
            return holder.content().readableBytes();
        }
        return 0;
    }
}
