package org.hn.node.sync;

import java.util.List;
import org.hn.chain.block.PosBlock;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainConflictException;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalRun;
import org.hn.chain.validation.InvalidBlockException;

/**
 * The two chain edits that catch-up and round sync share: appending a peer's blocks after validating them as
 * historical blocks, and returning the messages of removed blocks to the mempool ({@code spec/chain.md §11},
 * Java recommendation: re-inject those still valid and younger than an hour).
 */
final class ChainRepair {

    private final ChainStore store;
    private final Mempool mempool;
    private final BlockValidator validator;

    ChainRepair(ChainStore store, Mempool mempool, BlockValidator validator) {
        this.store = store;
        this.mempool = mempool;
        this.validator = validator;
    }

    /**
     * Validates and appends blocks in order on top of our tip. The blocks are validated together (their messages
     * on all cores) and the valid ones stored in one transaction.
     *
     * @throws InvalidBlockException at the first block refused; the blocks before it stay appended
     * @throws ChainConflictException at the first block the store refuses; the blocks before it stay appended
     */
    int append(List<PosBlock> blocks, long nowSeconds) throws StoreException, InvalidBlockException {
        HistoricalRun run = validate(blocks, store.tip(), nowSeconds);
        int stored = storeValid(blocks, run);
        if (run.failure().isPresent()) {
            throw run.failure().get();
        }
        return stored;
    }

    /**
     * Validates blocks as {@link #append} does, without storing them, on top of {@code previous}: the tip, or the
     * last block of a batch validated before and still being stored.
     */
    HistoricalRun validate(List<PosBlock> blocks, PosBlock previous, long nowSeconds) {
        return validator.validateHistoricalRun(blocks, previous, nowSeconds);
    }

    /**
     * Stores the leading blocks that {@code run} found valid, in one transaction, and takes their messages out of
     * the mempool.
     *
     * @return how many blocks were stored
     * @throws ChainConflictException at the first block the store refuses; the blocks before it stay appended
     */
    int storeValid(List<PosBlock> blocks, HistoricalRun run) throws StoreException {
        return store(blocks.subList(0, run.validBlocks()));
    }

    /**
     * Stores blocks already validated, in one transaction, and takes their messages out of the mempool.
     *
     * @return how many blocks were stored
     * @throws ChainConflictException at the first block the store refuses; the blocks before it stay appended
     */
    int store(List<PosBlock> valid) throws StoreException {
        if (valid.isEmpty()) {
            return 0;
        }
        try {
            store.appendAll(valid);
            valid.forEach(block -> mempool.removeAll(block.txs()));
        } catch (ChainConflictException e) {
            // appendAll stored none of them: store the blocks before the conflicting one on their own.
            for (PosBlock block : valid) {
                store.append(block);
                mempool.removeAll(block.txs());
            }
        }
        return valid.size();
    }

    /** Returns removed messages to the mempool; the mempool's own rules drop the old and the known ones. */
    void reinject(List<PosMessage> removed, long nowSeconds) {
        if (!removed.isEmpty()) {
            mempool.digest(removed.stream().map(tx -> tx.atHeight(0)).toList(), nowSeconds);
        }
    }

    ChainStore store() {
        return store;
    }
}
