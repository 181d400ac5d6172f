package org.hn.node.peers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The node's live peer connections that completed a hello, in two maps keyed by {@link PeerKey} like the
 * reference's {@code inbound} and {@code clients} ({@code spec/wire.md §4.1 step 5, §6.1, §6.2}).
 *
 * <p>A newer connection under an existing key replaces the older entry, as in the reference; removing
 * takes the connection object so that the end of an older, replaced connection does not remove the newer
 * one. Connections that left the registry (removed, whether or not a newer one had replaced them) are kept
 * for {@link #takeRemoved()} so that their traffic of the current round is still counted. Thread-safe.
 */
public final class ConnectionRegistry {

    private final Map<PeerKey, PeerConnection> inbound = new ConcurrentHashMap<>();
    private final Map<PeerKey, PeerConnection> outbound = new ConcurrentHashMap<>();
    /** Added and not yet removed, replaced ones included; by identity so a second remove is not a new end. */
    private final Set<PeerConnection> present = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));
    private final Queue<PeerConnection> removed = new ConcurrentLinkedQueue<>();

    /** Adds a connection to the map of its direction, replacing any entry under the same key. */
    public void add(PeerConnection connection) {
        present.add(connection);
        mapOf(connection.direction()).put(connection.key(), connection);
    }

    /**
     * Removes this connection if it is still the entry under its key; returns whether it was. Either way the
     * connection has ended: its first removal queues it for {@link #takeRemoved()}.
     */
    public boolean remove(PeerConnection connection) {
        boolean wasEntry = mapOf(connection.direction()).remove(connection.key(), connection);
        if (present.remove(connection)) {
            removed.add(connection);
        }
        return wasEntry;
    }

    /**
     * The connections removed since the previous call (since creation, at the first call), each once, in the
     * order they were removed. Meant for one reader, the round's traffic count.
     */
    public List<PeerConnection> takeRemoved() {
        List<PeerConnection> taken = new ArrayList<>();
        for (PeerConnection connection = removed.poll(); connection != null; connection = removed.poll()) {
            taken.add(connection);
        }
        return taken;
    }

    /** The connection under a key in one direction. */
    public Optional<PeerConnection> find(Direction direction, PeerKey key) {
        return Optional.ofNullable(mapOf(direction).get(key));
    }

    /** A snapshot of one direction's connections, in no particular order. */
    public List<PeerConnection> connections(Direction direction) {
        return new ArrayList<>(mapOf(direction).values());
    }

    /**
     * {@code connected_count} ({@code spec/wire.md §6.1}): inbound connections plus outbound connections
     * whose key is not also an inbound key. Outbound entries are added only once their hello completed.
     */
    public int connectedCount() {
        int count = inbound.size();
        for (PeerKey key : outbound.keySet()) {
            if (!inbound.containsKey(key)) {
                count++;
            }
        }
        return count;
    }

    private Map<PeerKey, PeerConnection> mapOf(Direction direction) {
        return direction == Direction.INBOUND ? inbound : outbound;
    }
}
