package org.hn.registry.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hn.registry.Hypernode;
import org.hn.registry.random.PythonRandom;

/**
 * The hypernodes a node connects to in a round, chosen as the reference's {@code get_connect_to} does
 * ({@code spec/rounds.md §6.3}): the registry without the node itself, shuffled by a generator seeded with
 * the node's address and the round number, cut to the first {@code MAX_CONNECT_TO}.
 */
public final class ConnectTo {

    /** {@code MAX_CONNECT_TO}; rainbow-tunable, and should be the same network-wide since it shapes the topology. */
    public static final int DEFAULT_MAX_CONNECT_TO = 40;

    private ConnectTo() {
    }

    /**
     * The peers of a node for a round.
     *
     * @param registry     every registered hypernode, active or not, in registry order ({@code spec/rounds.md §5.3})
     * @param round        round number
     * @param myPosAddress the node's own PoS address
     * @param maxConnectTo how many to keep, ≥ 0
     * @return at most {@code maxConnectTo} registry entries, in shuffled order
     * @throws IllegalArgumentException if {@code maxConnectTo} is negative
     */
    public static List<Hypernode> select(List<Hypernode> registry, long round, String myPosAddress,
                                         int maxConnectTo) {
        if (maxConnectTo < 0) {
            throw new IllegalArgumentException("max connect-to cannot be negative, got " + maxConnectTo);
        }
        List<Hypernode> shuffled = shuffledPeers(registry, round, myPosAddress);
        return List.copyOf(shuffled.subList(0, Math.min(maxConnectTo, shuffled.size())));
    }

    /**
     * The whole shuffled peer order before the cut: every registry entry whose PoS address is not
     * {@code myPosAddress}, shuffled with a generator seeded with the text {@code myPosAddress + round}.
     *
     * @return a new list
     */
    public static List<Hypernode> shuffledPeers(List<Hypernode> registry, long round, String myPosAddress) {
        Objects.requireNonNull(myPosAddress, "myPosAddress");
        List<Hypernode> peers = new ArrayList<>();
        for (Hypernode hypernode : registry) {
            if (!hypernode.posAddress().equals(myPosAddress)) {
                peers.add(hypernode);
            }
        }
        PythonRandom.fromText(myPosAddress + round).shuffle(peers);
        return peers;
    }
}
