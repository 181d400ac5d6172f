package org.hn.node.network;

import com.google.protobuf.ByteString;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.mempool.Mempool;
import org.hn.node.client.ClientSession;
import org.hn.node.client.PeerClient;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.Direction;
import org.hn.node.peers.PeerConnection;
import org.hn.node.peers.PeerKey;
import org.hn.node.round.PeerNetwork;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.mapping.ChainProtos;
import org.hn.node.wire.proto.Block;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.hn.node.wire.proto.TX;
import org.hn.registry.Hypernode;
import org.hn.registry.schedule.TestAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's outbound side of the peer protocol ({@code spec/wire.md §6}): long-lived workers to the round's
 * {@code connect_to} peers with their height and mempool exchanges, forged-block pushes, tests, and the
 * catch-up and round-sync requests.
 *
 * <p>Outbound registry entries belong to this service; inbound ones to the peer server, whose stored heights
 * {@link #inboundHeights()} reads. A worker that fails or whose peer closes is removed, and started again by
 * the first {@link #maintainConnections} call at least {@code peerRetry} after the failure (the reference's
 * {@code PEER_RETRY_SECONDS}, 20 s). A worker whose peer left {@code connect_to} is closed at the next call,
 * whatever the node state (the reference waits for {@code SYNCING}), and may come back at once.
 *
 * <p>The source address of every connection is the one in the clients' {@code ClientSettings}. Thread-safe;
 * no method blocks on the network.
 */
public final class PeerNetworkService implements PeerNetwork, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerNetworkService.class);
    /** Whole-test bound ({@code spec/wire.md §6.8 step 2}). */
    private static final Duration TEST_LIMIT = Duration.ofSeconds(30);
    /** {@code what} of a test request ({@code spec/chain.md §4.3}). */
    private static final int TEST_REQUEST_WHAT = 202;

    private final PeerClient sessionClient;
    private final PeerClient oneShotClient;
    private final HelloString ourHello;
    private final HelloString oneShotHello;
    private final ConnectionRegistry registry;
    private final Clock clock;
    private final Duration peerRetry;
    private final ScheduledExecutorService scheduler;
    private final OutboundWorker.Context context;
    private final Map<PeerKey, OutboundWorker> workers = new ConcurrentHashMap<>();
    private final Map<PeerKey, Instant> failedAt = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param sessionClient connections that say hello: workers, catch-up and round-sync sessions
     *                      ({@code ClientSettings.workers}: connect 45 s, answers 90 s)
     * @param oneShotClient block pushes and tests ({@code ClientSettings.oneShot}: connect 5 s, answers 30 s)
     * @param ourHello      our posnet, real listening port and PoS address; one-shot round syncs announce port
     *                      {@code 00000} instead ({@code spec/wire.md §5.1})
     * @param registry      the connection registry shared with the peer server
     * @param tip           our chain's current height status, sent in height exchanges ({@code spec/chain.md §9.1})
     * @param mempool       our messages for mempool exchanges, and where the peers' are digested
     * @param clock         exchange periods, retry delays and reception times
     * @param periods       height and mempool exchange periods
     * @param busy          whether the node is in a consensus or catch-up state ({@link ExchangePeriods})
     * @param peerRetry     least time between a worker's failure and its restart, ≥ 0 (20 s)
     */
    public PeerNetworkService(PeerClient sessionClient, PeerClient oneShotClient, HelloString ourHello,
                              ConnectionRegistry registry, Supplier<HeightStatus> tip, Mempool mempool, Clock clock,
                              ExchangePeriods periods, BooleanSupplier busy, Duration peerRetry) {
        if (peerRetry.isNegative()) {
            throw new IllegalArgumentException("peer retry delay must not be negative: " + peerRetry);
        }
        this.sessionClient = sessionClient;
        this.oneShotClient = oneShotClient;
        this.ourHello = ourHello;
        this.oneShotHello = new HelloString(ourHello.posnet(), HelloString.ONE_SHOT_PORT, ourHello.address());
        this.registry = registry;
        this.clock = clock;
        this.peerRetry = peerRetry;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hn-outbound");
            thread.setDaemon(true);
            return thread;
        });
        this.context = new OutboundWorker.Context(registry, tip, mempool, clock, periods, busy, scheduler);
    }

    @Override
    public int connectedCount() {
        return registry.connectedCount();
    }

    /** Outbound peers that reported a height, by peer key, in the order their workers started. */
    @Override
    public Map<String, HeightStatus> outboundHeights() {
        List<OutboundWorker> byStart = new ArrayList<>(workers.values());
        byStart.sort(Comparator.comparingLong(OutboundWorker::sequence));
        Map<String, HeightStatus> heights = new LinkedHashMap<>();
        for (OutboundWorker worker : byStart) {
            worker.heightStatus().ifPresent(status -> heights.put(worker.key().toString(), status));
        }
        return heights;
    }

    /** Inbound peers whose height the server stored (registered IPs only, {@code spec/wire.md §4.7}). */
    @Override
    public Map<String, HeightStatus> inboundHeights() {
        Map<String, HeightStatus> heights = new LinkedHashMap<>();
        for (PeerConnection connection : registry.connections(Direction.INBOUND)) {
            connection.heightStatus().ifPresent(status -> heights.put(connection.key().toString(), status));
        }
        return heights;
    }

    /**
     * Starts a worker for each peer without one, unless its last failure is more recent than the retry delay;
     * closes the workers of peers no longer listed. Peers whose port is not a number in 0–65535 are skipped.
     */
    @Override
    public synchronized void maintainConnections(List<Hypernode> connectTo) {
        if (closed) {
            return;
        }
        Map<PeerKey, InetSocketAddress> wanted = new LinkedHashMap<>();
        for (Hypernode peer : connectTo) {
            addressOf(peer).ifPresent(address -> wanted.put(keyOf(address), address));
        }
        for (OutboundWorker worker : List.copyOf(workers.values())) {
            if (!wanted.containsKey(worker.key())) {
                LOG.info("{}: no longer in connect_to, closing", worker.key());
                worker.stop();
            }
        }
        Instant now = clock.instant();
        for (Map.Entry<PeerKey, InetSocketAddress> peer : wanted.entrySet()) {
            PeerKey key = peer.getKey();
            Instant failure = failedAt.get(key);
            if (workers.containsKey(key) || failure != null && now.isBefore(failure.plus(peerRetry))) {
                continue;
            }
            failedAt.remove(key);
            start(key, peer.getValue());
        }
        failedAt.keySet().retainAll(wanted.keySet());
    }

    private void start(PeerKey key, InetSocketAddress address) {
        CompletableFuture<ClientSession> opening = new CompletableFuture<>();
        OutboundWorker worker = new OutboundWorker(key, opening, context, started.incrementAndGet(), this::ended);
        // Entered before connecting, so that a failure however quick finds it to remove.
        workers.put(key, worker);
        sessionClient.open(address, ourHello).whenComplete((session, failure) -> {
            if (failure == null) {
                opening.complete(session);
            } else {
                opening.completeExceptionally(failure);
            }
        });
    }

    private void ended(OutboundWorker worker, boolean failed) {
        if (failed) {
            failedAt.put(worker.key(), clock.instant());
        }
        workers.remove(worker.key(), worker);
    }

    /** Whether a worker, connecting or connected, exists for the peer. */
    boolean hasWorker(PeerKey key) {
        return workers.containsKey(key);
    }

    /** Fire and forget: each push runs on its own connection, concurrently; failures are logged at debug. */
    @Override
    public void pushBlock(PosBlock block, List<Hypernode> recipients) {
        Command push = Commands.withBlocks(Type.block, List.of(ChainProtos.toProto(block)));
        for (Hypernode recipient : recipients) {
            addressOf(recipient).ifPresent(address -> oneShotClient.pushBlock(address, push)
                    .whenComplete((written, failure) -> {
                        if (failure != null) {
                            LOG.debug("{}: block push failed: {}", keyOf(address), failure.toString());
                        }
                    }));
        }
    }

    /**
     * Sends the unsigned test request {@code what = 202, params = "TEST:<type>", value = 0}, every field set
     * ({@code spec/wire.md §1.7}), as the first and only message. True when the testee echoes a {@code test}
     * command within 30 s; false on any failure, including a testee whose port is not a number.
     */
    @Override
    public CompletableFuture<Boolean> test(Hypernode testee, TestAssignment test, long nowSeconds) {
        Optional<InetSocketAddress> address = addressOf(testee);
        if (address.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        TX request = TX.newBuilder()
                .setTxid(ByteString.EMPTY)
                .setBlockHeight(0)
                .setTimestamp((int) nowSeconds)
                .setSender(test.tester())
                .setRecipient(test.testee())
                .setWhat(TEST_REQUEST_WHAT)
                .setValue(0)
                .setParams("TEST:" + test.type())
                .setPubkey(ByteString.EMPTY)
                .build();
        PeerKey key = keyOf(address.get());
        return oneShotClient.test(address.get(), Commands.withTxs(Type.test, List.of(request)))
                .handle((answer, failure) -> {
                    if (failure != null) {
                        LOG.debug("{}: test failed: {}", key, failure.toString());
                        return false;
                    }
                    return answer.getCommand() == Type.test && answer.getTxValuesCount() > 0;
                })
                .completeOnTimeout(false, TEST_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * {@code roundblocks} on a one-shot session announcing port {@code 00000}. The blocks carry the peer key
     * as {@code receivedBy} and now as their txs' reception time. Fails with {@link IllegalArgumentException}
     * for a malformed peer key or a round outside int32, else like {@link PeerClient#open}, or with
     * {@link UnexpectedAnswerException}.
     */
    @Override
    public CompletableFuture<List<PosBlock>> roundBlocks(String peerKey, long round) {
        try {
            PeerKey key = PeerKey.parse(peerKey);
            Command request = Commands.withInt32(Type.roundblocks, Math.toIntExact(round));
            return oneShot(key, oneShotHello, request).thenApply(answer -> blocksOf(answer, peerKey));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(e.getMessage(), e));
        }
    }

    /**
     * {@code blockinfo} on the peer's worker session, queued behind its exchanges, or else on a one-shot
     * session with our hello. Failures as {@link #roundBlocks}.
     */
    @Override
    public CompletableFuture<HeightStatus> blockInfo(String peerKey, long height) {
        try {
            Command request = Commands.withInt32(Type.blockinfo, Math.toIntExact(height));
            return ask(PeerKey.parse(peerKey), request)
                    .thenApply(answer -> ChainProtos.fromProto(answer.getHeightValue()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(e.getMessage(), e));
        }
    }

    /** {@code blocksync}, on the same sessions as {@link #blockInfo}; blocks as in {@link #roundBlocks}. */
    @Override
    public CompletableFuture<List<PosBlock>> blockSync(String peerKey, long firstHeight) {
        try {
            Command request = Commands.withInt32(Type.blocksync, Math.toIntExact(firstHeight));
            return ask(PeerKey.parse(peerKey), request).thenApply(answer -> blocksOf(answer, peerKey));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(e.getMessage(), e));
        }
    }

    private CompletableFuture<Command> ask(PeerKey key, Command request) {
        OutboundWorker worker = workers.get(key);
        return worker != null ? worker.request(request) : oneShot(key, ourHello, request);
    }

    /** Opens a session, sends one request, closes; the answer must reuse the request's command. */
    private CompletableFuture<Command> oneShot(PeerKey key, HelloString hello, Command request) {
        InetSocketAddress address = new InetSocketAddress(key.ip(), key.port());
        return sessionClient.open(address, hello).thenCompose(session -> session.request(request)
                .whenComplete((answer, failure) -> session.close())
                .thenApply(answer -> UnexpectedAnswerException.requireSameCommand(key.toString(), request, answer)));
    }

    private List<PosBlock> blocksOf(Command answer, String peerKey) {
        long receivedAt = clock.instant().getEpochSecond();
        List<PosBlock> blocks = new ArrayList<>(answer.getBlockValueCount());
        for (Block block : answer.getBlockValueList()) {
            blocks.add(ChainProtos.fromProto(block, peerKey, receivedAt));
        }
        return blocks;
    }

    /** The peer's address, or empty (logged) when its registered port is not a number in 0–65535. */
    private static Optional<InetSocketAddress> addressOf(Hypernode peer) {
        String port = peer.port();
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(port) > 65_535 || peer.ip().isEmpty()) {
            LOG.info("hypernode {} skipped: unusable address {}:{}", peer.posAddress(), peer.ip(), port);
            return Optional.empty();
        }
        InetSocketAddress address = new InetSocketAddress(peer.ip(), Integer.parseInt(port));
        if (address.isUnresolved()) {
            LOG.info("hypernode {} skipped: unresolvable IP {}", peer.posAddress(), peer.ip());
            return Optional.empty();
        }
        return Optional.of(address);
    }

    private static PeerKey keyOf(InetSocketAddress address) {
        return new PeerKey(PeerKey.ipOf(address), address.getPort());
    }

    /** Closes every worker (their registry entries go with them) and stops the exchange scheduler. */
    @Override
    public synchronized void close() {
        closed = true;
        for (OutboundWorker worker : List.copyOf(workers.values())) {
            worker.stop();
        }
        scheduler.shutdownNow();
    }
}
