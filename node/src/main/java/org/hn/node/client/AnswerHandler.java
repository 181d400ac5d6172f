package org.hn.node.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.wire.frame.ChecksumMismatch;
import org.hn.node.wire.proto.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of an outbound connection: pairs each request with the next command the peer sends. At
 * most one request is in flight. A timeout, a breach or the peer closing fails the request in flight and
 * ends the connection, since a late answer could no longer be told from the next one. Event-loop only.
 */
final class AnswerHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerHandler.class);

    private final ConnectionStats stats;
    private ChannelHandlerContext ctx;
    private CompletableFuture<Command> inFlight;
    private ScheduledFuture<?> expiry;

    AnswerHandler(ConnectionStats stats) {
        this.stats = stats;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Writes a request and completes {@code answer} with the next command read. Event loop only. */
    void ask(Command request, CompletableFuture<Command> answer, Duration timeout) {
        if (!ctx.channel().isActive()) {
            answer.completeExceptionally(new PeerClosedException("connection closed before " + request.getCommand()));
            return;
        }
        if (inFlight != null) {
            answer.completeExceptionally(new IllegalStateException(
                    "a request is already in flight; " + request.getCommand() + " not sent"));
            return;
        }
        inFlight = answer;
        expiry = ctx.executor().schedule(() -> fail(new TimeoutException(
                "no answer to " + request.getCommand() + " within " + timeout.toMillis() + " ms")),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        send(request).whenComplete((sent, failure) -> {
            if (failure != null) {
                fail(failure);
            }
        });
    }

    /** Writes a command that expects no answer; completes when written. Event loop only. */
    CompletableFuture<Void> send(Command command) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        stats.messageSent();
        ctx.writeAndFlush(command).addListener(future -> {
            if (future.isSuccess()) {
                written.complete(null);
            } else {
                written.completeExceptionally(future.cause());
            }
        });
        return written;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof Command answer)) {
            ctx.fireChannelRead(message);
            return;
        }
        stats.messageReceived();
        CompletableFuture<Command> waiting = inFlight;
        if (waiting == null) {
            // The server never sends unsolicited messages (spec/wire.md §6.3 step 3): the stream is out of step.
            LOG.info("{}: unsolicited {} from the peer, closing", ctx.channel().remoteAddress(), answer.getCommand());
            ctx.close();
            return;
        }
        clearInFlight();
        waiting.complete(answer);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChecksumMismatch mismatch) {
            LOG.info("{}: v2 frame of {} bytes dropped, checksum mismatch", ctx.channel().remoteAddress(),
                    mismatch.payloadBytes());
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new PeerClosedException("connection closed before the answer"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("{}: closing after {}", ctx.channel().remoteAddress(), cause.toString());
        fail(cause);
    }

    private void fail(Throwable cause) {
        CompletableFuture<Command> waiting = inFlight;
        clearInFlight();
        if (waiting != null) {
            waiting.completeExceptionally(cause);
        }
        ctx.close();
    }

    private void clearInFlight() {
        inFlight = null;
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }
}
