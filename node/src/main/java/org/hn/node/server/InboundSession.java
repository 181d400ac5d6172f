package org.hn.node.server;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.hn.node.logging.LogCategory;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.Misbehaviour;
import org.hn.node.peers.PeerConnection;
import org.hn.node.peers.PeerKey;
import org.hn.node.peers.PeerScores;
import org.hn.node.wire.ProtocolBreachException;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.frame.ChecksumMismatch;
import org.hn.node.wire.frame.FrameFormat;
import org.hn.node.wire.proto.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one inbound connection ({@code spec/wire.md §6.3}): the first message must be
 * {@code hello}, {@code block} or {@code test}; an authenticated hello ({@code posnet0005}) is followed by the
 * client's proof ({@code docs/protocol.md §3}); after an accepted hello, requests are served one at a
 * time, each with at most one answer written before the next request is handled.
 *
 * <p>Requests wait for the node to leave {@code NEWROUND} ({@link NodeView#whenServing()}) and are then
 * served on the service executor, since chain reads may block; the answer is written from the event loop.
 * Reading stops while a request is being served or while the outbound buffer is above its high water mark.
 *
 * <p>Every failure ends in {@link #exceptionCaught}: a wire breach or a misbehaving request is scored
 * against the peer's IP, a {@code ko} is sent where {@code spec/wire.md §8} allows it, and the connection
 * is closed, logged once with the peer key.
 */
public final class InboundSession extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(InboundSession.class);

    private final InboundRequests requests;
    private final NodeView view;
    private final ConnectionRegistry registry;
    private final PeerScores scores;
    private final ConnectionStats stats;
    private final Executor serviceExecutor;
    private final int maxPendingRequests;
    private final Queue<Command> pending = new ArrayDeque<>();

    private PeerConnection connection;
    /** The client token presented on this connection, or null. */
    private String token;
    /** An authenticated hello waiting for the client's proof, or null. */
    private PendingProof pendingProof;
    private FrameFormat framing;
    private boolean firstMessageSeen;
    private boolean busy;
    private boolean closing;
    private boolean disconnectHandled;

    /**
     * @param requests           what to answer
     * @param view               the {@code NEWROUND} gate
     * @param registry           where the connection is entered after its hello
     * @param scores             where breaches are counted
     * @param stats              this connection's counters, shared with its traffic meter
     * @param serviceExecutor    runs the service calls, off the event loop
     * @param maxPendingRequests requests queued ahead of their answers beyond which the peer is dropped
     */
    InboundSession(InboundRequests requests, NodeView view, ConnectionRegistry registry, PeerScores scores,
                   ConnectionStats stats, Executor serviceExecutor, int maxPendingRequests) {
        this.requests = requests;
        this.view = view;
        this.registry = registry;
        this.scores = scores;
        this.stats = stats;
        this.serviceExecutor = serviceExecutor;
        this.maxPendingRequests = maxPendingRequests;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof Command request)) {
            ctx.fireChannelRead(message);
            return;
        }
        if (closing) {
            return;
        }
        stats.messageReceived();
        LogCategory.SRVMSG.logger().debug("{}: {}", peerLabel(ctx), request.getCommand());
        if (!firstMessageSeen) {
            firstMessageSeen = true;
            if (ctx.pipeline().get(HandshakeTimeout.NAME) != null) {
                ctx.pipeline().remove(HandshakeTimeout.NAME);
            }
        }
        pending.add(request);
        if (pending.size() > maxPendingRequests) {
            exceptionCaught(ctx, RequestException.refused(Misbehaviour.REQUEST_FLOOD, null,
                    pending.size() + " requests queued ahead of their answers"));
            return;
        }
        serveNext(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof FrameFormat format) {
            framing = format;
        } else if (event instanceof ChecksumMismatch mismatch) {
            LOG.info("{}: v2 frame of {} bytes dropped, checksum mismatch #{}", peerLabel(ctx), mismatch.payloadBytes(),
                    mismatch.mismatchesOnChannel());
            if (scores.record(ip(ctx), Misbehaviour.CHECKSUM_MISMATCH)) {
                LOG.warn("{}: IP banned after {}, closing", peerLabel(ctx), Misbehaviour.CHECKSUM_MISMATCH);
                closing = true;
                pending.clear();
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateAutoRead(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        pending.clear();
        if (connection != null) {
            registry.remove(connection);
        }
        LOG.debug("{}: connection closed", peerLabel(ctx));
        ctx.fireChannelInactive();
    }

    /** The one place a connection's failures end: score, answer if allowed, close, log once. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (disconnectHandled) {
            LOG.debug("{}: after the disconnect: {}", peerLabel(ctx), cause.toString());
            return;
        }
        disconnectHandled = true;
        closing = true;
        pending.clear();
        Misbehaviour misbehaviour = null;
        String koReason = null;
        if (cause instanceof ProtocolBreachException breach) {
            misbehaviour = Misbehaviour.of(breach.reason());
            LOG.info("{}: dropped, protocol breach {}", peerLabel(ctx), breach.getMessage());
        } else if (cause instanceof RequestException refusal) {
            misbehaviour = refusal.misbehaviour();
            koReason = refusal.koReason();
            if (misbehaviour != null) {
                LOG.info("{}: dropped, {}: {}", peerLabel(ctx), misbehaviour, refusal.getMessage());
            } else if (refusal.getCause() == null) {
                LOG.info("{}: dropped, {}", peerLabel(ctx), refusal.getMessage());
            } else {
                LOG.warn("{}: dropped, {}", peerLabel(ctx), refusal.getMessage(), refusal.getCause());
            }
        } else if (cause instanceof ReadTimeoutException || cause instanceof HandshakeTimeoutException) {
            LOG.debug("{}: dropped, timed out: {}", peerLabel(ctx), cause.getMessage());
        } else if (cause instanceof IOException) {
            LOG.debug("{}: dropped, I/O error: {}", peerLabel(ctx), cause.toString());
        } else {
            LOG.warn("{}: dropped, unexpected failure", peerLabel(ctx), cause);
        }
        if (misbehaviour != null && scores.record(ip(ctx), misbehaviour)) {
            LOG.warn("{}: IP banned after {}", peerLabel(ctx), misbehaviour);
        }
        if (koReason != null && ctx.channel().isActive()) {
            stats.messageSent();
            ctx.writeAndFlush(Commands.withString(Command.Type.ko, koReason)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    private void serveNext(ChannelHandlerContext ctx) {
        if (busy || closing || pending.isEmpty()) {
            updateAutoRead(ctx);
            return;
        }
        Command request = pending.poll();
        busy = true;
        updateAutoRead(ctx);
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        PeerConnection current = connection;
        String presented = token;
        PendingProof proofDue = pendingProof;
        view.whenServing().toCompletableFuture()
                .thenApplyAsync(ready -> {
                    if (current != null) {
                        return requests.serve(request, current, presented);
                    }
                    return proofDue == null ? requests.first(request, remote, stats)
                            : requests.proof(request, proofDue, remote, stats);
                }, serviceExecutor)
                .whenComplete((reply, failure) -> {
                    if (ctx.executor().inEventLoop()) {
                        finish(ctx, reply, failure);
                    } else {
                        ctx.executor().execute(() -> finish(ctx, reply, failure));
                    }
                });
    }

    private void finish(ChannelHandlerContext ctx, Reply reply, Throwable failure) {
        busy = false;
        if (failure != null) {
            exceptionCaught(ctx, failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure);
            return;
        }
        if (closing) {
            return;
        }
        if (reply.challenge() != null) {
            pendingProof = reply.challenge();
        }
        if (reply.opened() != null) {
            pendingProof = null;
            connection = reply.opened();
            connection.framing(framing);
            registry.add(connection);
            LOG.debug("{}: hello accepted ({} framing)", peerLabel(ctx), framing);
        }
        if (reply.token() != null) {
            token = reply.token();
        }
        if (reply.close()) {
            closing = true;
            pending.clear();
        }
        if (reply.answer() == null) {
            if (reply.close()) {
                ctx.close();
            } else {
                serveNext(ctx);
            }
            return;
        }
        stats.messageSent();
        ChannelFuture written = ctx.writeAndFlush(reply.answer());
        if (reply.close()) {
            written.addListener(ChannelFutureListener.CLOSE);
        } else {
            written.addListener(future -> {
                if (future.isSuccess()) {
                    serveNext(ctx);
                } else {
                    exceptionCaught(ctx, future.cause());
                }
            });
        }
    }

    private void updateAutoRead(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(!busy && !closing && ctx.channel().isWritable());
    }

    private String peerLabel(ChannelHandlerContext ctx) {
        if (connection != null) {
            return connection.key().toString();
        }
        return ctx.channel().remoteAddress() instanceof InetSocketAddress remote
                ? PeerKey.ipOf(remote) + " (before hello)" : String.valueOf(ctx.channel().remoteAddress());
    }

    private static String ip(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress remote
                ? PeerKey.ipOf(remote) : String.valueOf(ctx.channel().remoteAddress());
    }
}
