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

    @Test
    void aConnectionThatEndsDuringTheRoundCountsItsTrafficOfThatRound() {
        ConnectionRegistry registry = new ConnectionRegistry();
        ConnectionTraffic traffic = new ConnectionTraffic(registry);
        PeerConnection lasting = connection("10.0.0.1:06969", Direction.INBOUND);
        PeerConnection ending = connection("10.0.0.2:06969", Direction.OUTBOUND);
        registry.add(lasting);
        registry.add(ending);
        exchange(lasting, 10, 20, 1, 1);
        exchange(ending, 300, 400, 5, 6);
        assertEquals(new Traffic(310, 420, 6, 7), traffic.takeRound());

        exchange(ending, 50, 60, 2, 3);
        registry.remove(ending);
        registry.remove(ending);
        PeerConnection brief = connection("10.0.0.3:06969", Direction.INBOUND);
        registry.add(brief);
        exchange(brief, 7, 9, 1, 2);
        registry.remove(brief);
        exchange(lasting, 1, 1, 0, 0);
        // ending: 50/60/2/3 after the previous span; brief: all of it, 7/9/1/2; lasting: 1/1/0/0.
        assertEquals(new Traffic(58, 70, 3, 5), traffic.takeRound());
        assertEquals(Traffic.NONE, traffic.takeRound(), "an ended connection counts once");
    }

    @Test
    void aReplacedConnectionCountsWhenItEnds() {
        ConnectionRegistry registry = new ConnectionRegistry();
        ConnectionTraffic traffic = new ConnectionTraffic(registry);
        PeerConnection older = connection("10.0.0.1:06969", Direction.INBOUND);
        registry.add(older);
        exchange(older, 100, 100, 1, 1);
        assertEquals(new Traffic(100, 100, 1, 1), traffic.takeRound());

        PeerConnection newer = connection("10.0.0.1:06969", Direction.INBOUND);
        registry.add(newer);
        exchange(older, 4, 5, 1, 0);
        exchange(newer, 20, 30, 2, 2);
        assertEquals(new Traffic(20, 30, 2, 2), traffic.takeRound(), "the replaced one is out of the registry");

        exchange(older, 6, 5, 0, 1);
        registry.remove(older);
        // The replaced connection's 4+6 / 5+5 / 1 / 1 since it was last counted.
        assertEquals(new Traffic(10, 10, 1, 1), traffic.takeRound());
    }
}
