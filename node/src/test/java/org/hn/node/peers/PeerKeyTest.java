package org.hn.node.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PeerKeyTest {

    @Test
    void rendersThePortAsFiveDigitsLikeTheReference() {
        assertEquals("51.15.95.155:06969", new PeerKey("51.15.95.155", 6969).toString());
        assertEquals("127.0.0.1:00101", new PeerKey("127.0.0.1", 101).toString());
        assertEquals("10.0.0.1:00000", new PeerKey("10.0.0.1", 0).toString());
        assertEquals("10.0.0.1:65535", new PeerKey("10.0.0.1", 65535).toString());
    }

    @Test
    void takesTheIpOfTheSocketAndTheAnnouncedPort() {
        InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 54321);
        assertEquals("127.0.0.1:06969", PeerKey.of(remote, 6969).toString());
    }

    @Test
    void parsesItsOwnTextForm() {
        assertEquals(new PeerKey("51.15.95.155", 6969), PeerKey.parse("51.15.95.155:06969"));
        assertEquals(new PeerKey("::1", 101), PeerKey.parse("::1:00101"));
    }

    @Test
    void refusesMalformedKeys() {
        assertThrows(IllegalArgumentException.class, () -> PeerKey.parse("51.15.95.155:6969"));
        assertThrows(IllegalArgumentException.class, () -> PeerKey.parse("51.15.95.155"));
        assertThrows(IllegalArgumentException.class, () -> PeerKey.parse("51.15.95.155:0696a"));
        assertThrows(IllegalArgumentException.class, () -> PeerKey.parse(":06969"));
        assertThrows(IllegalArgumentException.class, () -> new PeerKey("1.2.3.4", 65536));
    }
}
