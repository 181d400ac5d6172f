package org.hn.node.round;

/**
 * The network-wide parameters the round driver uses, from the rainbow list or its defaults
 * ({@code spec/rounds.md §1}, §10).
 *
 * @param testsPerSlot        {@code TESTS_PER_SLOT}
 * @param maxConnectTo        {@code MAX_CONNECT_TO}
 * @param minForgeConsensus   {@code MIN_FORGE_CONSENSUS}, percent
 * @param requiredMessages    {@code REQUIRED_MESSAGES_PER_BLOCK}
 * @param minimumConnectivity {@code MINIMUM_CONNECTIVITY}: fewer live connections put the node in START
 */
public record Tuning(int testsPerSlot, int maxConnectTo, int minForgeConsensus, int requiredMessages,
                     int minimumConnectivity) {

    /** The reference's defaults. */
    public static final Tuning DEFAULTS = new Tuning(8, 40, 18, 4, 3);
}
