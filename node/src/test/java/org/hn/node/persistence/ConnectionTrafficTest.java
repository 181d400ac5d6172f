package org.hn.node.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.Direction;
import org.hn.node.peers.PeerConnection;
import org.hn.node.peers.PeerKey;
import org.hn.node.wire.hello.HelloString;
import org.junit.jupiter.api.Test;

class ConnectionTrafficTest {

    private static final HelloString HELLO = new HelloString("posnet0002", 6969, "BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J");

    private static PeerConnection connection(String key, Direction direction) {
        return new PeerConnection(PeerKey.parse(key), direction, new ConnectionStats(Instant.EPOCH), HELLO);
    }

    private static void exchange(PeerConnection connection, long sent, long received, int messagesSent,
                                 int messagesReceived) {
        connection.stats().bytesSent(sent, Instant.EPOCH);
        connection.stats().bytesReceived(received, Instant.EPOCH);
        for (int i = 0; i < messagesSent; i++) {
            connection.stats().messageSent();
        }
        for (int i = 0; i < messagesReceived; i++) {
            connection.stats().messageReceived();
        }
    }

    @Test
    void eachRoundCountsWhatLiveConnectionsExchangedSinceThePreviousRound() {
        ConnectionRegistry registry = new ConnectionRegistry();
        ConnectionTraffic traffic = new ConnectionTraffic(registry);
        assertEquals(Traffic.NONE, traffic.takeRound());

        PeerConnection inbound = connection("10.0.0.1:06969", Direction.INBOUND);
        PeerConnection outbound = connection("10.0.0.2:06969", Direction.OUTBOUND);
        registry.add(inbound);
        registry.add(outbound);
        exchange(inbound, 100, 200, 1, 2);
        exchange(outbound, 30, 40, 3, 4);
        assertEquals(new Traffic(130, 240, 4, 6), traffic.takeRound());

        exchange(inbound, 5, 6, 1, 1);
        registry.remove(outbound);
        PeerConnection newer = connection("10.0.0.2:06969", Direction.OUTBOUND);
        registry.add(newer);
        exchange(newer, 7, 8, 1, 0);
        assertEquals(new Traffic(12, 14, 2, 1), traffic.takeRound(), "the new connection counts from zero");
        assertEquals(Traffic.NONE, traffic.takeRound());
    }
}
