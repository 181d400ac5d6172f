package org.hn.pow.ledger;

/**
 * Which rows a balance counts, by their {@code block_height} ({@code spec/pow.md §3.2}).
 *
 * <p>Mirror rows carry the negative height of their block, which is why the two filters differ.
 */
public enum HeightFilter {
    /**
     * {@code block_height <= H}: every mirror row matches, whatever its block. The reference uses it for
     * registration weights and collateral checks, where mirror rows never touch the address.
     */
    PLAIN,
    /** {@code abs(block_height) <= H}: mirror rows count only up to their own block. Used for the reward pot. */
    MIRROR_AWARE
}
