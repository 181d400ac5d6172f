package org.hn.node.round;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.chain.validation.BlockRejection;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.hn.chain.validation.InvalidBlockException;
import org.hn.config.Network;
import org.hn.node.consensus.NetworkView;
import org.hn.node.consensus.ObservedChain;
import org.hn.node.forge.ForgeOutcome;
import org.hn.node.forge.Forger;
import org.hn.node.logging.LogCategory;
import org.hn.node.sync.CatchUp;
import org.hn.node.sync.RoundSync;
import org.hn.node.sync.SyncOutcome;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.registry.Hypernode;
import org.hn.registry.schedule.TestAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's state machine ({@code spec/rounds.md §7}): {@link #tick()} is one manager iteration, run every
 * {@code WAIT} seconds by the daemon and directly by tests, with time from the injected clock. It never throws
 * for bad input or a late PoW source: it reports the state ({@link NodeState#POW_NOT_SYNC}, …) and retries.
 *
 * <p>Every change of the chain — forging, catch-up, round sync, and blocks pushed by forgers — happens under
 * one lock, so one block is digested at a time ({@code spec/chain.md §6.2} step 2).
 */
public final class RoundDriver {

    private static final Logger LOG = LoggerFactory.getLogger(RoundDriver.class);

    /** The parts a driver works with. */
    public record Parts(Network network, Clock clock, String me, ChainStore store, Mempool mempool,
                        RoundPreparer preparer, RoundSchedules schedules, Forger forger, BlockValidator validator,
                        CatchUp catchUp, RoundSync roundSync, PeerNetwork peers, OwnMessages ownMessages,
                        BlockBans bans, HistoricalExemptions exemptions, PowFreshness pow, Tuning tuning,
                        RandomGenerator random) {
    }

    private final Parts parts;
    private final ReentrantLock chainLock = new ReentrantLock();

    private volatile NodeState state = NodeState.START;
    private volatile RoundContext context;
    private volatile NetworkView lastView = new NetworkView(List.of(), 0, 0);
    private long processedRound = Long.MIN_VALUE;
    private int processedSlot = -1;
    private boolean forgedThisSlot;
    private boolean blockForgedThisSlot;
    private int noTestsSent;
    private List<TestAssignment> testsToRun = List.of();
    private Optional<String> slotForger = Optional.empty();
    private CompletableFuture<Boolean> runningTest = CompletableFuture.completedFuture(true);
    private long forgedCount;
    private long missedSlots;
    private final AtomicLong pushedBlocks = new AtomicLong();
    private final AtomicLong syncedBlocks = new AtomicLong();
    private final AtomicLong syncsSucceeded = new AtomicLong();
    private final AtomicLong syncsFailed = new AtomicLong();
    private long firstRound = Long.MIN_VALUE;
    private boolean recomputeRound;
    private long lastEndedRound = Long.MIN_VALUE;
    private final List<RoundListener> listeners = new CopyOnWriteArrayList<>();

    public RoundDriver(Parts parts) {
        this.parts = parts;
    }

    /** Adds a listener told of every round prepared and ended from now on. */
    public void addRoundListener(RoundListener listener) {
        listeners.add(listener);
    }

    /** Start-up (§7.3, before the first iteration): the first round change, then our {@code START} message. */
    public synchronized void start() {
        checkRound();
        if (context != null) {
            parts.ownMessages().start(context.round(), now());
        }
    }

    /** One manager iteration, §7.3 steps 1–10 then §7.2. */
    public synchronized void tick() {
        if (context == null) {
            checkRound();
            if (context == null) {
                return;
            }
        }
        long now = now();
        HeightStatus ours;
        try {
            ours = parts.store().heightStatus();
        } catch (StoreException e) {
            LOG.error("the chain database cannot be read: {}", e.getMessage());
            return;
        }
        int connected = parts.peers().connectedCount();
        NetworkView view = NetworkView.observe(ours, parts.peers().outboundHeights(), parts.peers().inboundHeights(),
                hash -> parts.bans().isBanned(hash, now), parts.exemptions()::ignoresOutboundHash,
                Math.max(1, context.plan().hypernodes().size()));
        lastView = view;
        if (view.offersRoundSync(ours) && state.allowsRoundSync()) {
            roundSync(view.best().orElseThrow(), now);
        }
        boolean ourSlot = slotForger.filter(parts.me()::equals).isPresent();
        if (state == NodeState.SYNCING && ourSlot && !forgedThisSlot) {
            state = NodeState.STRONG_CONSENSUS;
        }
        if (state == NodeState.STRONG_CONSENSUS && !ourSlot) {
            state = NodeState.SYNCING;
        }
        int needed = Math.min(parts.tuning().minimumConnectivity(), context.plan().hypernodes().size() - 1);
        if (connected >= needed) {
            if (state == NodeState.START) {
                state = NodeState.SYNCING;
            }
        } else {
            state = NodeState.START;
        }
        if (state == NodeState.SYNCING && view.offersCatchUp(ours)) {
            catchUp(view.best().orElseThrow(), now);
        }
        if (state == NodeState.STRONG_CONSENSUS) {
            tryToForge(view, now);
        }
        if (state == NodeState.SYNCING && view.best().isPresent() && !testsToRun.isEmpty() && runningTest.isDone()) {
            runTest(testsToRun.get(0), now);
            testsToRun = testsToRun.subList(1, testsToRun.size());
        }
        parts.peers().maintainConnections(context.connectTo());
        checkRound();
    }

    /**
     * §7.2: on a new slot reset the slot's work; on a new round run the round start procedure first. A late or
     * unreadable PoW source leaves the node in {@link NodeState#POW_NOT_SYNC}, retried at the next call.
     */
    private void checkRound() {
        long now = now();
        long round = parts.network().roundAt(now);
        int slot = parts.network().slotAt(now);
        if (round == processedRound && slot == processedSlot && !recomputeRound) {
            return;
        }
        long previousRound = processedRound;
        int previousSlot = processedSlot;
        boolean slotChanged = round != previousRound || slot != previousSlot;
        if (round != processedRound || recomputeRound) {
            RoundContext previous = context;
            if (previous != null && previous.round() != round && previous.round() > lastEndedRound) {
                lastEndedRound = previous.round();
                tell("end of round " + previous.round(), listener -> listener.roundEnded(previous, now));
            }
            state = NodeState.NEWROUND;
            Optional<String> late = parts.pow().lateness(now);
            if (late.isPresent()) {
                enterPowNotSync("the PoW source is not synced: " + late.get());
                return;
            }
            try {
                long preparing = System.nanoTime();
                RoundContext next = parts.preparer().prepare(round, parts.tuning().maxConnectToCap(), now);
                LogCategory.TIMING.logger().debug("round {} prepared in {} ms", round,
                        (System.nanoTime() - preparing) / 1_000_000);
                parts.schedules().remember(next);
                context = next;
                tell("schedule of round " + round, listener -> listener.roundPrepared(next));
            } catch (PowLedgerUnavailableException e) {
                enterPowNotSync("the PoW ledger is unavailable (" + e.reason() + "): " + e.getMessage());
                return;
            } catch (StoreException e) {
                LOG.error("round {} cannot start, the chain database cannot be read: {}", round, e.getMessage());
                state = NodeState.START;
                return;
            }
            if (round != processedRound) {
                noTestsSent = 0;
            }
            processedRound = round;
            recomputeRound = false;
            if (firstRound == Long.MIN_VALUE) {
                firstRound = round;
            }
            state = NodeState.SYNCING;
            LOG.info("round {} started: {} hypernodes, {} to connect to", round,
                    context.plan().hypernodes().size(), context.connectTo().size());
        }
        if (slotChanged && slotForger.filter(parts.me()::equals).isPresent() && !blockForgedThisSlot) {
            missedSlots++;
            LOG.warn("our slot {} of round {} ended without a block of ours", previousSlot, previousRound);
        }
        processedSlot = slot;
        forgedThisSlot = false;
        if (slotChanged) {
            blockForgedThisSlot = false;
        }
        boolean forgingSlot = slot < Network.FORGING_SLOTS;
        testsToRun = forgingSlot ? context.ourTests(slot) : List.of();
        slotForger = forgingSlot ? context.forgerOf(slot) : Optional.empty();
        parts.mempool().purge(now);
        if (context.hasNoTest()) {
            if (slot == 0 && noTestsSent == 0) {
                parts.ownMessages().noTest(1, round, now);
                noTestsSent = 1;
            } else if (slot == Network.FORGING_SLOTS && noTestsSent == 1) {
                parts.ownMessages().noTest(2, round, now);
                noTestsSent = 2;
            }
        }
    }

    private void tell(String what, Consumer<RoundListener> event) {
        for (RoundListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("a round listener failed on the {}; continuing", what, e);
            }
        }
    }

    private void enterPowNotSync(String why) {
        if (state != NodeState.POW_NOT_SYNC) {
            LOG.warn("{}; waiting", why);
        }
        state = NodeState.POW_NOT_SYNC;
    }

    private void tryToForge(NetworkView view, long now) {
        long guardSeconds = Forger.ROUND_START_GUARD_SECONDS * parts.network().slotSeconds() / 180;
        Optional<String> blocker = parts.forger().blocker(view, context.plan().rainbow().minForgeConsensus(),
                now - context.startedSeconds(), guardSeconds, parts.tuning().requiredMessages());
        if (blocker.isPresent()) {
            LogCategory.DETERMINE.logger().debug("not forging in slot {} yet: {}", processedSlot, blocker.get());
            return;
        }
        state = NodeState.FORGING;
        chainLock.lock();
        ForgeOutcome outcome;
        try {
            outcome = parts.forger().forge(context.round(), processedSlot, now);
        } finally {
            chainLock.unlock();
        }
        forgedThisSlot = true;
        if (outcome instanceof ForgeOutcome.Forged forged) {
            state = NodeState.SENDING;
            forgedCount++;
            blockForgedThisSlot = true;
            List<Hypernode> recipients = context.plan().hypernodes().stream()
                    .filter(hypernode -> !hypernode.posAddress().equals(parts.me())).toList();
            parts.peers().pushBlock(forged.block(), recipients);
            LOG.info("forged block {} of round {} slot {} with {} messages", forged.block().height(),
                    forged.block().round(), forged.block().sir(), forged.block().txs().size());
        } else if (outcome instanceof ForgeOutcome.Abandoned abandoned) {
            LOG.warn("slot {} left empty: {}", processedSlot, abandoned.reason());
        }
        state = NodeState.SYNCING;
    }

    private void roundSync(ObservedChain better, long now) {
        NodeState saved = state;
        state = NodeState.ROUND_SYNC;
        String peer = better.peers().get(parts.random().nextInt(better.peers().size()));
        SyncOutcome outcome;
        chainLock.lock();
        try {
            outcome = parts.roundSync().run(peer, better.status(),
                    address -> context.registeredAddresses().contains(address), now);
        } finally {
            chainLock.unlock();
        }
        report("round sync", peer, outcome, false, now);
        state = saved;
    }

    private void catchUp(ObservedChain best, long now) {
        state = NodeState.CATCHING_UP_ELECT;
        String peer = best.peers().get(parts.random().nextInt(best.peers().size()));
        state = NodeState.CATCHING_UP_PRESYNC;
        SyncOutcome outcome;
        chainLock.lock();
        try {
            outcome = parts.catchUp().run(peer, best.status(), now);
        } finally {
            chainLock.unlock();
        }
        report("catch-up", peer, outcome, true, now);
        // §6.9 step 3: recompute the round from the synced chain at the next check
        recomputeRound = true;
        state = NodeState.SYNCING;
    }

    private void report(String what, String peer, SyncOutcome outcome, boolean isCatchUp, long now) {
        syncedBlocks.addAndGet(outcome.appended());
        (outcome.succeeded() ? syncsSucceeded : syncsFailed).incrementAndGet();
        if (outcome.succeeded()) {
            LOG.info("{} with {}: {}", what, peer, outcome.detail());
        } else {
            LOG.warn("{} with {} failed: {}", what, peer, outcome.detail());
        }
        String peerIp = peer.substring(0, peer.lastIndexOf(':'));
        context.plan().hypernodes().stream().filter(hypernode -> hypernode.ip().equals(peerIp)).findFirst()
                .ifPresent(hypernode -> parts.ownMessages().syncResult(hypernode.posAddress(), peer, isCatchUp,
                        outcome.succeeded(), context.round(), now));
    }

    private void runTest(TestAssignment test, long now) {
        Optional<Hypernode> testee = context.hypernode(test.testee());
        if (testee.isEmpty()) {
            return;
        }
        runningTest = parts.peers().test(testee.get(), test, now)
                .completeOnTimeout(false, 30, TimeUnit.SECONDS)
                .exceptionally(failure -> false)
                .whenComplete((passed, ignored) -> parts.ownMessages().testResult(test.testee(), test.type(),
                        Boolean.TRUE.equals(passed), now, now()));
    }

    /**
     * Digests a block pushed by a forger ({@code spec/wire.md §4.3} with {@code spec/chain.md §6.4}): the sender
     * must be a registered IP, the slot must have a forger, in SYNCING and ROUND_SYNC the sender must be the
     * forger's IP, and the block must pass live validation.
     *
     * @param senderIp the pushing peer's IP
     * @return empty when stored, else why it was refused and whether the sender is to blame
     */
    public Optional<BlockRefusal> acceptPushedBlock(PosBlock block, String senderIp) {
        RoundContext current = context;
        if (current == null || state == NodeState.NEWROUND) {
            return Optional.of(new BlockRefusal("the node is between rounds", false));
        }
        if (!current.registeredIps().contains(senderIp)) {
            return Optional.of(new BlockRefusal("sender " + senderIp + " is not a registered hypernode", true));
        }
        NodeState now = state;
        if (now == NodeState.SYNCING || now == NodeState.ROUND_SYNC) {
            Optional<Hypernode> scheduled = current.forgerOf(block.sir()).flatMap(current::hypernode);
            if (scheduled.isEmpty() || !scheduled.get().ip().equals(senderIp)) {
                return Optional.of(new BlockRefusal("sender " + senderIp + " is not the forger of slot "
                        + block.sir(), true));
            }
        }
        try {
            if (!chainLock.tryLock(1, TimeUnit.SECONDS)) {
                return Optional.of(new BlockRefusal("another block is being digested", false));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new BlockRefusal("interrupted", false));
        }
        try {
            long nowSeconds = now();
            parts.validator().validateLive(block, parts.store().tip(), nowSeconds);
            parts.store().append(block);
            parts.mempool().removeAll(block.txs());
            pushedBlocks.incrementAndGet();
            return Optional.empty();
        } catch (InvalidBlockException e) {
            // a block for a height we do not expect yet, or one we banned, may be honest: we can be behind
            boolean sendersFault = e.rejection() != BlockRejection.WRONG_HEIGHT
                    && e.rejection() != BlockRejection.BANNED_HASH;
            return Optional.of(new BlockRefusal(e.rejection() + ": " + e.getMessage(), sendersFault));
        } catch (StoreException e) {
            return Optional.of(new BlockRefusal("chain database: " + e.getMessage(), false));
        } finally {
            chainLock.unlock();
        }
    }

    /** The current state. */
    public NodeState state() {
        return state;
    }

    /** The current round's context, once a round was processed. */
    public Optional<RoundContext> context() {
        return Optional.ofNullable(context);
    }

    /** The network view of the last iteration. */
    public NetworkView lastView() {
        return lastView;
    }

    /** The juror of the current slot, if any. */
    public synchronized Optional<String> slotForger() {
        return slotForger;
    }

    /** Blocks this node forged since it started. */
    public synchronized long forgedCount() {
        return forgedCount;
    }

    /**
     * Our slots that ended without a block of ours since this driver started: counted when the slot after one of
     * ours begins, whether we abandoned it, could not reach consensus or were not running the manager loop.
     */
    public synchronized long missedSlotCount() {
        return missedSlots;
    }

    /** Blocks pushed by forgers that we validated and appended since start-up. */
    public long pushedBlockCount() {
        return pushedBlocks.get();
    }

    /** Blocks appended by catch-ups and round syncs since start-up. */
    public long syncedBlockCount() {
        return syncedBlocks.get();
    }

    /** Catch-ups and round syncs that ended as intended ({@code true}) or failed, since start-up. */
    public long syncCount(boolean succeeded) {
        return (succeeded ? syncsSucceeded : syncsFailed).get();
    }

    /** Rounds completed since start-up: 0 during the first round processed. */
    public synchronized long roundsCompleted() {
        return firstRound == Long.MIN_VALUE ? 0 : processedRound - firstRound;
    }

    private long now() {
        return parts.clock().millis() / 1000;
    }
}
