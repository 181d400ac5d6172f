package org.hn.node.persistence;

import java.util.IdentityHashMap;
import java.util.Map;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.Direction;
import org.hn.node.peers.PeerConnection;

/**
 * The round traffic of the node's live connections: each connection's counters now, less what they stood at
 * when the previous span was taken. A connection that closed since the previous span is no longer in the
 * registry, so its traffic of the current span is not counted: the figures are a lower bound. Not thread-safe:
 * called by the round driver only.
 */
public final class ConnectionTraffic implements RoundTraffic {

    private final ConnectionRegistry registry;
    private Map<ConnectionStats, Traffic> lastSeen = new IdentityHashMap<>();

    public ConnectionTraffic(ConnectionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Traffic takeRound() {
        Map<ConnectionStats, Traffic> seen = new IdentityHashMap<>();
        Traffic round = Traffic.NONE;
        for (Direction direction : Direction.values()) {
            for (PeerConnection connection : registry.connections(direction)) {
                ConnectionStats stats = connection.stats();
                Traffic total = new Traffic(stats.bytesSent(), stats.bytesReceived(), stats.messagesSent(),
                        stats.messagesReceived());
                round = round.plus(total.minus(lastSeen.getOrDefault(stats, Traffic.NONE)));
                seen.put(stats, total);
            }
        }
        lastSeen = seen;
        return round;
    }
}
