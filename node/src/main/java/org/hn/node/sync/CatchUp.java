package org.hn.node.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalRun;
import org.hn.chain.validation.InvalidBlockException;
import org.hn.node.round.PeerNetwork;

/**
 * Catch-up with one peer whose chain reaches a later round ({@code spec/wire.md §6.9}): find the common
 * ancestor with {@code blockinfo}, rolling our top blocks back one at a time (at most a configured depth,
 * {@code spec/chain.md §11.3}), then download the missing blocks with {@code blocksync}, each validated as a
 * historical block before it is stored; the next {@code blocksync} is on its way while a batch is validated.
 */
public final class CatchUp {

    /**
     * Messages stored per transaction, at least: valid answers are gathered until they hold this many (ten answers
     * of 20 blocks of 100 messages). Larger commits change each page of the randomly ordered {@code txid_head}
     * index once for more messages (docs/benchmarks.md, issue 9, third round). At most two groups are held in
     * memory, one being stored and one being gathered (roughly 25 MB of heap at an estimated 0.6 kB a message); a
     * kill loses them, and the next catch-up downloads them again.
     */
    static final int STORE_GROUP_MESSAGES = 20_000;

    private final ChainRepair repair;
    private final PeerNetwork peers;
    private final int maxRollbackBlocks;
    private final Duration requestTimeout;
    private final int groupMessages;

    /**
     * @param maxRollbackBlocks deepest rollback done without an operator ({@code MAX_ROLLBACK_BLOCKS})
     * @param requestTimeout    limit for each peer request
     */
    public CatchUp(ChainStore store, Mempool mempool, BlockValidator validator, PeerNetwork peers,
                   int maxRollbackBlocks, Duration requestTimeout) {
        this(store, mempool, validator, peers, maxRollbackBlocks, requestTimeout, STORE_GROUP_MESSAGES);
    }

    /** @param groupMessages messages gathered before a group of answers is stored ({@link #STORE_GROUP_MESSAGES}) */
    CatchUp(ChainStore store, Mempool mempool, BlockValidator validator, PeerNetwork peers, int maxRollbackBlocks,
            Duration requestTimeout, int groupMessages) {
        this.repair = new ChainRepair(store, mempool, validator);
        this.peers = peers;
        this.maxRollbackBlocks = maxRollbackBlocks;
        this.requestTimeout = requestTimeout;
        this.groupMessages = groupMessages;
    }

    /**
     * Catches up with a peer.
     *
     * @param peerKey the sync peer, one of the best chain's peers
     * @param target  the best chain's height status, which the sync stops at
     */
    public SyncOutcome run(String peerKey, HeightStatus target, long nowSeconds) {
        ExecutorService storer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "catch-up-store");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return run(peerKey, target, nowSeconds, storer);
        } finally {
            storer.shutdown();
        }
    }

    private SyncOutcome run(String peerKey, HeightStatus target, long nowSeconds, ExecutorService storer) {
        int rolledBack = 0;
        int appended = 0;
        try {
            while (true) {
                PosBlock tip = repair.store().tip();
                HeightStatus theirs = await(peers.blockInfo(peerKey, tip.height()));
                if (theirs.blockHash().equals(tip.blockHashHex()) && theirs.round() == tip.round()) {
                    break;
                }
                if (tip.height() == 0) {
                    return new SyncOutcome(false, rolledBack, 0, "no common block with " + peerKey + " above genesis");
                }
                if (rolledBack >= maxRollbackBlocks) {
                    return new SyncOutcome(false, rolledBack, 0, "no common block with " + peerKey + " within "
                            + maxRollbackBlocks + " blocks; an operator must decide");
                }
                repair.reinject(repair.store().rollbackTo(tip.height() - 1), nowSeconds);
                rolledBack++;
            }
            PosBlock previous = repair.store().tip();
            long tipHeight = previous.height();
            // The next answer is asked for before this one is validated, so the peer's reading and the transfer
            // overlap with our signature checks; when a block is refused, that one answer is left unread. Valid
            // answers are gathered into groups of STORE_GROUP_MESSAGES, each stored in one transaction on the
            // storing thread while the next answers are validated against its last block, so the cores never wait
            // for the database, and each commit rewrites fewer pages per block (docs/benchmarks.md, issue 9).
            CompletableFuture<List<PosBlock>> next =
                    target.height() > tipHeight ? peers.blockSync(peerKey, tipHeight + 1) : null;
            Future<Integer> storing = null;
            List<PosBlock> group = new ArrayList<>();
            int gathered = 0;
            while (next != null) {
                List<PosBlock> blocks;
                try {
                    blocks = await(next);
                } catch (PeerFailure e) {
                    // The blocks validated before still count, and a store failure comes first, as when stored
                    // in turn.
                    appended += stored(storing);
                    appended += repair.store(group);
                    throw e;
                }
                if (blocks.isEmpty()) {
                    break;
                }
                long last = blocks.get(blocks.size() - 1).height();
                next = target.height() > last ? peers.blockSync(peerKey, last + 1) : null;
                HistoricalRun run = repair.validate(blocks, previous, nowSeconds);
                if (run.failure().isPresent()) {
                    appended += stored(storing);
                    appended += repair.store(group);
                    appended += repair.storeValid(blocks, run);
                    throw run.failure().get();
                }
                group.addAll(blocks);
                gathered += blocks.stream().mapToInt(block -> block.txs().size()).sum();
                previous = blocks.get(blocks.size() - 1);
                if (gathered >= groupMessages) {
                    appended += stored(storing);
                    List<PosBlock> full = List.copyOf(group);
                    group.clear();
                    gathered = 0;
                    storing = storer.submit(() -> repair.store(full));
                }
            }
            appended += stored(storing);
            appended += repair.store(group);
            boolean reached = repair.store().tip().height() >= target.height();
            return new SyncOutcome(reached, rolledBack, appended, (reached ? "caught up with " : "fell short of ")
                    + peerKey + " at height " + repair.store().tip().height() + " (target " + target.height() + ")");
        } catch (InvalidBlockException e) {
            return new SyncOutcome(false, rolledBack, appended, "block refused from " + peerKey + ": " + e.getMessage());
        } catch (StoreException e) {
            return new SyncOutcome(false, rolledBack, appended, "chain database: " + e.getMessage());
        } catch (PeerFailure e) {
            return new SyncOutcome(false, rolledBack, appended, peerKey + ": " + e.getMessage());
        }
    }

    /** What a batch handed to the storing thread appended, once stored; 0 for none. */
    private static int stored(Future<Integer> storing) throws StoreException {
        if (storing == null) {
            return 0;
        }
        try {
            return storing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while storing blocks", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException storeFailure) {
                throw storeFailure;
            }
            throw new IllegalStateException("storing blocks failed", e.getCause());
        }
    }

    private <T> T await(CompletableFuture<T> request) throws PeerFailure {
        return PeerFailure.await(request, requestTimeout);
    }
}
