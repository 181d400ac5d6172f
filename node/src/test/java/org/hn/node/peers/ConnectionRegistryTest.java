package org.hn.node.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.hn.node.wire.hello.HelloString;
import org.junit.jupiter.api.Test;

class ConnectionRegistryTest {

    private static final HelloString HELLO = new HelloString("posnet0002", 6969, "BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J");

    private static PeerConnection connection(String key, Direction direction) {
        return new PeerConnection(PeerKey.parse(key), direction, new ConnectionStats(Instant.EPOCH), HELLO);
    }

    @Test
    void connectedCountIsInboundPlusOutboundNotAlsoInbound() {
        ConnectionRegistry registry = new ConnectionRegistry();
        assertEquals(0, registry.connectedCount());
        registry.add(connection("10.0.0.1:06969", Direction.INBOUND));
        registry.add(connection("10.0.0.2:06969", Direction.INBOUND));
        registry.add(connection("10.0.0.2:06969", Direction.OUTBOUND));
        registry.add(connection("10.0.0.3:06969", Direction.OUTBOUND));
        // 2 inbound + 1 outbound whose key is not inbound (10.0.0.2:06969 counts once).
        assertEquals(3, registry.connectedCount());
    }

    @Test
    void aNewerConnectionReplacesTheOlderAndSurvivesTheOldersEnd() {
        ConnectionRegistry registry = new ConnectionRegistry();
        PeerConnection older = connection("10.0.0.1:06969", Direction.INBOUND);
        PeerConnection newer = connection("10.0.0.1:06969", Direction.INBOUND);
        registry.add(older);
        registry.add(newer);
        assertFalse(registry.remove(older));
        assertSame(newer, registry.find(Direction.INBOUND, PeerKey.parse("10.0.0.1:06969")).orElseThrow());
        assertTrue(registry.remove(newer));
        assertTrue(registry.connections(Direction.INBOUND).isEmpty());
        assertEquals(0, registry.connectedCount());
    }

    @Test
    void directionsAreSeparateMaps() {
        ConnectionRegistry registry = new ConnectionRegistry();
        PeerConnection outbound = connection("10.0.0.1:06969", Direction.OUTBOUND);
        registry.add(outbound);
        assertTrue(registry.find(Direction.INBOUND, outbound.key()).isEmpty());
        assertEquals(1, registry.connections(Direction.OUTBOUND).size());
    }

    @Test
    void removedConnectionsAreTakenOnceInTheOrderTheyEnded() {
        ConnectionRegistry registry = new ConnectionRegistry();
        PeerConnection older = connection("10.0.0.1:06969", Direction.INBOUND);
        PeerConnection newer = connection("10.0.0.1:06969", Direction.INBOUND);
        PeerConnection outbound = connection("10.0.0.2:06969", Direction.OUTBOUND);
        PeerConnection neverAdded = connection("10.0.0.3:06969", Direction.OUTBOUND);
        registry.add(older);
        registry.add(newer);
        registry.add(outbound);
        assertTrue(registry.takeRemoved().isEmpty());
        registry.remove(outbound);
        registry.remove(older);
        registry.remove(older);
        registry.remove(neverAdded);
        assertEquals(List.of(outbound, older), registry.takeRemoved());
        assertTrue(registry.takeRemoved().isEmpty());
        registry.remove(newer);
        assertEquals(List.of(newer), registry.takeRemoved());
    }
}
