package org.hn.node.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.hn.config.Network;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void defaultsFollowTheSpecAndItsRecommendations() {
        ServerSettings settings = ServerSettings.defaults(Network.MAINNET);
        assertEquals(Duration.ofSeconds(90), settings.idleTimeout());
        assertEquals(2 * 40 + 8, settings.maxInbound());
        assertEquals(20, settings.defaultHeaderCount());
        assertEquals(1000, settings.maxHeaderCount());
        assertEquals(2000, settings.maxMempoolAnswer());
        assertEquals(64 * 1024 * 1024, settings.frames().maxPayloadBytes());
    }

    @Test
    void refusesLimitsOutOfRange() {
        ServerSettings defaults = ServerSettings.defaults(Network.MAINNET);
        assertThrows(IllegalArgumentException.class, () -> defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(90)));
        assertThrows(IllegalArgumentException.class, () -> defaults.withConnectionLimits(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ServerSettings(defaults.frames(), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, 1, 2048, 1024, 1, 20, 1000, 2000));
    }
}
