package org.hn.chain.store;

/** Why the store refused to append a block ({@code spec/chain.md §6.2} step 8); nothing was written. */
public enum ChainConflict {
    /** The block's height is not the tip height + 1 (or, on an empty store, not a genesis at height 0). */
    NOT_NEXT_HEIGHT,
    /** The block's previous hash is not the tip's block hash (§6.2 step 6). */
    NOT_LINKED,
    /** A txid of the block is already stored in an earlier block (the reference's primary-key error). */
    DUPLICATE_TXID,
    /** The same txid appears twice in the block. */
    DUPLICATE_TXID_IN_BLOCK,
    /** A block for the same (round, sir) is already stored: a second block for one slot. */
    DUPLICATE_ROUND_SIR,
    /** A binary field does not have its fixed length (txid, pubkey, signature: 64 bytes; hashes: 20 bytes). */
    MALFORMED
}
