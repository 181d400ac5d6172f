package org.hn.node.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import org.hn.config.Network;
import org.hn.node.wire.frame.FrameSettings;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    @Test
    void workerAndOneShotTimeoutsAreTheReferences() {
        ClientSettings workers = ClientSettings.workers(Network.MAINNET);
        assertEquals(Duration.ofSeconds(45), workers.connectTimeout());
        assertEquals(Duration.ofSeconds(90), workers.answerTimeout());
        ClientSettings oneShot = ClientSettings.oneShot(Network.MAINNET);
        assertEquals(Duration.ofSeconds(5), oneShot.connectTimeout());
        assertEquals(Duration.ofSeconds(30), oneShot.answerTimeout());
    }

    @Test
    void theSystemChoosesTheLocalAddressUnlessOneIsGiven() throws Exception {
        ClientSettings workers = ClientSettings.workers(Network.MAINNET);
        assertNull(workers.localAddress());
        InetAddress devnetIp = InetAddress.getByName("127.0.0.3");
        ClientSettings bound = workers.withLocalAddress(devnetIp);
        assertEquals(devnetIp, bound.localAddress());
        assertEquals(Duration.ofSeconds(45), bound.connectTimeout());
        assertEquals(Duration.ofSeconds(90), bound.answerTimeout());
    }

    @Test
    void refusesNonPositiveTimeouts() {
        FrameSettings frames = FrameSettings.defaults(Network.MAINNET);
        assertThrows(IllegalArgumentException.class,
                () -> new ClientSettings(frames, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ClientSettings(frames, Duration.ofSeconds(1), Duration.ofSeconds(-1)));
    }
}
