package org.hn.chain.store;

/**
 * A block was refused because storing it would break the chain's invariants ({@link ChainConflict}); the
 * transaction was rolled back and the previous tip is intact. The message names the conflicting value (txid
 * in hex, height, or round and sir), so the caller can log it and ban the block hash ({@code spec/chain.md §12}).
 */
public final class ChainConflictException extends StoreException {

    private final ChainConflict conflict;

    public ChainConflictException(ChainConflict conflict, String detail) {
        super(conflict + ": " + detail);
        this.conflict = conflict;
    }

    /** Which invariant the block would have broken. */
    public ChainConflict conflict() {
        return conflict;
    }
}
