package org.hn.pow.ledger;

/**
 * The PoW block a round's registrations are read up to, with the tip it was judged against
 * ({@code spec/pow.md §5.1}, {@code spec/rounds.md §3}).
 *
 * @param height    greatest block height whose coinbase timestamp is at or before the reference timestamp
 * @param tipHeight greatest block height in the ledger when the reference was resolved
 */
public record ReferenceBlock(long height, long tipHeight) {

    /** The reference block needs strictly more than this many blocks above it ({@code §5.1 step 4}). */
    public static final int CONFIRMATION_MARGIN = 20;

    /** Blocks above the reference block. */
    public long confirmations() {
        return tipHeight - height;
    }
}
