package org.hn.node.network;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.message.PosMessage;
import org.hn.node.client.ClientSession;
import org.hn.node.client.PeerClosedException;
import org.hn.node.logging.DigestLog;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.Direction;
import org.hn.node.peers.PeerConnection;
import org.hn.node.peers.PeerKey;
import org.hn.node.wire.ProtocolBreachException;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.mapping.ChainProtos;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.hn.node.wire.proto.TX;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived outbound connection to a {@code connect_to} peer ({@code spec/wire.md §6.2}): once its hello
 * is answered it is entered in the registry as {@link Direction#OUTBOUND}, then exchanges heights (§6.6) and,
 * while our mempool is not empty, mempools (§6.5) whenever their period has passed on the injected clock.
 * Catch-up requests ({@code blockinfo}, {@code blocksync}) queue behind the exchanges: the session carries one
 * request at a time, so every request goes through {@link #request}.
 *
 * <p>The worker ends once: on any failure (connect, hello, timeout, unexpected answer, the peer closing) or when
 * stopped. Ending closes the session, removes the registry entry and tells the owner whether it failed.
 */
final class OutboundWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundWorker.class);
    /** {@code MAX_TXS_TO_SYNC}: txs sent per mempool exchange at most ({@code spec/wire.md §6.5 step 2}). */
    static final int MAX_TXS_TO_SYNC = 2000;

    /**
     * What every worker of a node shares.
     *
     * @param registry  where the connection is entered once its hello is answered
     * @param tip       our chain's current height status, sent in height exchanges
     * @param mempool   sends our recent messages and digests the peer's
     * @param clock     exchange periods and mempool times
     * @param periods   exchange periods
     * @param busy      whether the node is in a consensus or catch-up state (busy periods)
     * @param scheduler runs the exchange checks and the mempool digestion; never blocked on I/O
     */
    record Context(ConnectionRegistry registry, Supplier<HeightStatus> tip, Mempool mempool, Clock clock,
                   ExchangePeriods periods, BooleanSupplier busy, ScheduledExecutorService scheduler) {
    }

    private final PeerKey key;
    private final Context context;
    private final BiConsumer<OutboundWorker, Boolean> onEnd;
    private final long sequence;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean exchanging = new AtomicBoolean();
    private volatile ClientSession session;
    private volatile PeerConnection connection;
    private volatile ScheduledFuture<?> checks;
    /** The last request queued; the next one starts when it has completed, either way. Guarded by this. */
    private CompletableFuture<?> tail;

    /**
     * @param key      the peer's key: its registered IP and port
     * @param opening  the session being opened with our hello
     * @param context  what workers share
     * @param sequence orders workers by start, for {@link PeerNetworkService#outboundHeights()}
     * @param onEnd    called once when the worker ends, with {@code true} if it failed rather than was stopped
     */
    OutboundWorker(PeerKey key, CompletableFuture<ClientSession> opening, Context context, long sequence,
                   BiConsumer<OutboundWorker, Boolean> onEnd) {
        this.key = key;
        this.context = context;
        this.sequence = sequence;
        this.onEnd = onEnd;
        this.tail = opening;
        opening.whenComplete(this::opened);
    }

    PeerKey key() {
        return key;
    }

    long sequence() {
        return sequence;
    }

    /** The peer's last reported height; empty before the first height exchange. */
    Optional<HeightStatus> heightStatus() {
        PeerConnection current = connection;
        return current == null ? Optional.empty() : current.heightStatus();
    }

    private void opened(ClientSession opened, Throwable failure) {
        if (failure != null) {
            LOG.debug("{}: connection failed: {}", key, unwrap(failure).toString());
            end(true);
            return;
        }
        session = opened;
        Optional<HelloString> peerHello = opened.peerHello();
        if (peerHello.isEmpty()) {
            LOG.info("{}: malformed hello answer '{}', closing", key, opened.peerHelloText());
            // Closed here too: if the worker was stopped while connecting, end() has already run.
            opened.close();
            end(true);
            return;
        }
        PeerConnection registered = new PeerConnection(key, Direction.OUTBOUND, opened.stats(), peerHello.get());
        registered.framing(opened.framing());
        connection = registered;
        context.registry().add(registered);
        opened.closed().thenRun(() -> {
            if (!ended.get()) {
                LOG.debug("{}: connection closed", key);
            }
            end(true);
        });
        if (ended.get()) {
            // Stopped while connecting: end() ran before the session and the entry existed.
            opened.close();
            context.registry().remove(registered);
            return;
        }
        long checkMillis = context.periods().checkEvery().toMillis();
        checks = context.scheduler().scheduleWithFixedDelay(this::checkExchanges, 0, Math.max(1, checkMillis),
                TimeUnit.MILLISECONDS);
        if (ended.get()) {
            // Ended (peer closed) before the checks existed to be cancelled by end().
            checks.cancel(false);
        }
    }

    /**
     * Sends a request once every earlier one has completed and checks that the answer reuses its command id.
     * A failure ends the worker: after a timeout or an unexpected answer the stream can no longer be trusted.
     *
     * @return the answer; fails with {@link PeerClosedException} if the worker has ended, the request's own
     *         failure, or {@link UnexpectedAnswerException} if the peer answered another command
     */
    synchronized CompletableFuture<Command> request(Command request) {
        CompletableFuture<Command> answer = tail.handle((previous, failure) -> null).thenCompose(ignored -> {
            ClientSession current = session;
            if (ended.get() || current == null) {
                return CompletableFuture.<Command>failedFuture(new PeerClosedException(key + ": worker ended"));
            }
            return current.request(request).thenApply(received ->
                    UnexpectedAnswerException.requireSameCommand(key.toString(), request, received));
        });
        answer.whenComplete((received, failure) -> {
            if (failure != null && !ended.get()) {
                Throwable cause = unwrap(failure);
                if (cause instanceof UnexpectedAnswerException || cause instanceof ProtocolBreachException) {
                    // an answer we refuse is logged where it is seen; timeouts and closes are routine
                    LOG.info("{}: answer to {} refused, closing: {}", key, request.getCommand(), cause.getMessage());
                } else {
                    LOG.debug("{}: {} failed: {}", key, request.getCommand(), cause.toString());
                }
                end(true);
            }
        });
        tail = answer;
        return answer;
    }

    /** Starts the exchanges whose period has passed, unless the previous ones are still running. */
    private void checkExchanges() {
        PeerConnection current = connection;
        if (ended.get() || current == null || !exchanging.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant now = context.clock().instant();
            boolean busy = context.busy().getAsBoolean();
            boolean mempoolDue = isDue(current.stats().lastMempoolExchange(), context.periods().mempool(busy), now)
                    && context.mempool().size() > 0;
            boolean heightDue = isDue(current.stats().lastHeightExchange(), context.periods().height(busy), now);
            CompletableFuture<Void> exchanges = CompletableFuture.completedFuture(null);
            if (mempoolDue) {
                exchanges = exchanges.thenCompose(ignored -> exchangeMempool(current));
            }
            if (heightDue) {
                exchanges = exchanges.thenCompose(ignored -> exchangeHeight(current));
            }
            exchanges.whenComplete((done, failure) -> {
                exchanging.set(false);
                if (failure != null) {
                    LOG.debug("{}: exchange failed: {}", key, unwrap(failure).toString());
                }
            });
        } catch (RuntimeException e) {
            exchanging.set(false);
            LOG.warn("{}: exchange check failed", key, e);
            end(true);
        }
    }

    private static boolean isDue(Optional<Instant> last, Duration period, Instant now) {
        return last.isEmpty() || !now.isBefore(last.get().plus(period));
    }

    /**
     * {@code spec/wire.md §6.5}: our messages received since the last exchange on this connection (all of them
     * the first time) and younger than an hour, at most {@link #MAX_TXS_TO_SYNC} drawn at random; the answer's
     * txs are digested with the current time as their reception time.
     */
    private CompletableFuture<Void> exchangeMempool(PeerConnection current) {
        Instant now = context.clock().instant();
        long since = current.stats().lastMempoolExchange().map(Instant::getEpochSecond).orElse(0L);
        List<PosMessage> ours = new ArrayList<>();
        for (PosMessage message : context.mempool().messages(now.getEpochSecond())) {
            if (message.received() >= since) {
                ours.add(message);
            }
        }
        if (ours.size() > MAX_TXS_TO_SYNC) {
            Collections.shuffle(ours, ThreadLocalRandom.current());
            ours = ours.subList(0, MAX_TXS_TO_SYNC);
        }
        List<TX> txs = new ArrayList<>(ours.size());
        ours.forEach(message -> txs.add(ChainProtos.toProto(message)));
        current.stats().mempoolExchangedAt(now);
        return request(Commands.withTxs(Type.mempool, txs)).thenAcceptAsync(answer -> {
            long receivedAt = context.clock().instant().getEpochSecond();
            List<PosMessage> theirs = new ArrayList<>(answer.getTxValuesCount());
            answer.getTxValuesList().forEach(tx -> theirs.add(ChainProtos.fromProto(tx, receivedAt)));
            if (!theirs.isEmpty()) {
                DigestLog.batch(key, theirs.size(), context.mempool().digest(theirs, receivedAt));
            }
        }, context.scheduler());
    }

    /** {@code spec/wire.md §6.6}: our tip out, the peer's stored on its registry entry. */
    private CompletableFuture<Void> exchangeHeight(PeerConnection current) {
        current.stats().heightExchangedAt(context.clock().instant());
        Command ours = Commands.withHeight(Type.height, ChainProtos.toProto(context.tip().get()));
        return request(ours).thenAccept(answer ->
                current.heightStatus(ChainProtos.fromProto(answer.getHeightValue())));
    }

    /** Ends the worker without a retry delay (its peer left {@code connect_to}, or the node stops). */
    void stop() {
        end(false);
    }

    private void end(boolean failed) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> scheduled = checks;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        ClientSession current = session;
        if (current != null) {
            current.close();
        }
        PeerConnection registered = connection;
        if (registered != null) {
            context.registry().remove(registered);
        }
        onEnd.accept(this, failed);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
