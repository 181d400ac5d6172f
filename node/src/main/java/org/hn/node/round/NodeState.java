package org.hn.node.round;

/**
 * The states of a node ({@code spec/rounds.md §7.1}), with the reference's ids, which the status JSON shows.
 * {@link #TESTING}, {@link #MINIMAL_CONSENSUS} and {@link #CATCHING_UP_CONNECT2} are never entered; they keep
 * their ids for compatibility. {@link #POW_NOT_SYNC} is ours to use: the node waits for its PoW source instead
 * of exiting.
 */
public enum NodeState {
    START(0),
    SYNCING(1),
    TESTING(2),
    STRONG_CONSENSUS(3),
    MINIMAL_CONSENSUS(4),
    FORGING(5),
    SENDING(6),
    CATCHING_UP_CONNECT1(7),
    CATCHING_UP_CONNECT2(8),
    CATCHING_UP_ELECT(9),
    CATCHING_UP_PRESYNC(10),
    CATCHING_UP_SYNC(11),
    ROUND_SYNC(12),
    NEWROUND(13),
    POW_NOT_SYNC(14);

    private final int id;

    NodeState(int id) {
        this.id = id;
    }

    /** The reference's numeric id. */
    public int id() {
        return id;
    }

    /** Whether a round sync may start from this state (chain.md §10.1 step 5). */
    public boolean allowsRoundSync() {
        return this == STRONG_CONSENSUS || this == MINIMAL_CONSENSUS || this == SYNCING;
    }

    /** The states in which outbound workers exchange heights less and mempools more often (wire.md §6.2). */
    public boolean isBusy() {
        return this == STRONG_CONSENSUS || this == MINIMAL_CONSENSUS || this == CATCHING_UP_PRESYNC
                || this == CATCHING_UP_SYNC;
    }
}
