package org.hn.node.persistence;

import java.util.IdentityHashMap;
import java.util.Map;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.Direction;
import org.hn.node.peers.PeerConnection;

/**
 * The round traffic of the node's peer connections (those that completed a hello): each connection's counters
 * now, less what they stood at when the previous span was taken. Connections that ended during the span count
 * with their final counters, taken from {@link ConnectionRegistry#takeRemoved()}; a connection replaced by a
 * newer one under the same key counts once it ends. Not thread-safe: called by the round driver only.
 */
public final class ConnectionTraffic implements RoundTraffic {

    private final ConnectionRegistry registry;
    /** Counters at the previous span of every connection counted then and not yet ended. */
    private final Map<ConnectionStats, Traffic> lastSeen = new IdentityHashMap<>();

    public ConnectionTraffic(ConnectionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Traffic takeRound() {
        Traffic round = Traffic.NONE;
        for (Direction direction : Direction.values()) {
            for (PeerConnection connection : registry.connections(direction)) {
                Traffic total = totalOf(connection.stats());
                round = round.plus(total.minus(lastSeen.getOrDefault(connection.stats(), Traffic.NONE)));
                lastSeen.put(connection.stats(), total);
            }
        }
        // Taken after the live ones: a connection that ended in between counts its remainder here.
        for (PeerConnection connection : registry.takeRemoved()) {
            Traffic earlier = lastSeen.remove(connection.stats());
            round = round.plus(totalOf(connection.stats()).minus(earlier == null ? Traffic.NONE : earlier));
        }
        return round;
    }

    private static Traffic totalOf(ConnectionStats stats) {
        return new Traffic(stats.bytesSent(), stats.bytesReceived(), stats.messagesSent(), stats.messagesReceived());
    }
}
