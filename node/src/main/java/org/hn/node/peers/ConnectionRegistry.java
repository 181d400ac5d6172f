package org.hn.node.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's live peer connections that completed a hello, in two maps keyed by {@link PeerKey} like the
 * reference's {@code inbound} and {@code clients} ({@code spec/wire.md §4.1 step 5, §6.1, §6.2}).
 *
 * <p>A newer connection under an existing key replaces the older entry, as in the reference; removing
 * takes the connection object so that the end of an older, replaced connection does not remove the newer
 * one. Thread-safe.
 */
public final class ConnectionRegistry {

    private final Map<PeerKey, PeerConnection> inbound = new ConcurrentHashMap<>();
    private final Map<PeerKey, PeerConnection> outbound = new ConcurrentHashMap<>();

    /** Adds a connection to the map of its direction, replacing any entry under the same key. */
    public void add(PeerConnection connection) {
        mapOf(connection.direction()).put(connection.key(), connection);
    }

    /** Removes this connection if it is still the entry under its key; returns whether it was. */
    public boolean remove(PeerConnection connection) {
        return mapOf(connection.direction()).remove(connection.key(), connection);
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
