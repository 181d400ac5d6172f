package org.hn.node.round;

/**
 * Whether the PoW source is synced: its last block is younger than a limit ({@code spec/pow.md §6.4},
 * {@code spec/rounds.md §7.2} step 2.2). A node whose PoW source is late waits in {@link NodeState#POW_NOT_SYNC}.
 */
@FunctionalInterface
public interface PowFreshness {

    /** Seconds the last PoW block may be old: 15 minutes. */
    long MAX_AGE_SECONDS = 15 * 60;

    /**
     * @param nowSeconds the local clock, unix seconds
     * @return empty when synced, else why not (late, unreadable)
     */
    java.util.Optional<String> lateness(long nowSeconds);
}
