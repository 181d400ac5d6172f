package org.hn.node.round;

/**
 * The round driver's local parameters ({@code spec/rounds.md §1}). The network-wide ones ({@code TESTS_PER_SLOT},
 * {@code MIN_FORGE_CONSENSUS}, the network's {@code MAX_CONNECT_TO}) come from the round's rainbow list instead.
 *
 * @param maxConnectToCap     the operator's {@code MAX_CONNECT_TO}; the network's value applies when lower
 * @param requiredMessages    {@code REQUIRED_MESSAGES_PER_BLOCK}
 * @param minimumConnectivity {@code MINIMUM_CONNECTIVITY}: fewer live connections (or fewer than the round's other
 *                            hypernodes, when they are fewer) put the node in START; the operator setting of the
 *                            same name
 */
public record Tuning(int maxConnectToCap, int requiredMessages, int minimumConnectivity) {

    /** The reference's defaults. */
    public static final Tuning DEFAULTS = new Tuning(40, 4, 3);
}
