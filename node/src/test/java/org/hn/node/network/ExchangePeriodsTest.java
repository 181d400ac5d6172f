package org.hn.node.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExchangePeriodsTest {

    @Test
    void defaultsAreTheReferencesPeriods() {
        assertEquals(Duration.ofSeconds(10), ExchangePeriods.DEFAULTS.height(false));
        assertEquals(Duration.ofSeconds(30), ExchangePeriods.DEFAULTS.mempool(false));
        assertEquals(Duration.ofSeconds(30), ExchangePeriods.DEFAULTS.height(true));
        assertEquals(Duration.ofSeconds(20), ExchangePeriods.DEFAULTS.mempool(true));
        assertEquals(Duration.ofSeconds(1), ExchangePeriods.DEFAULTS.checkEvery());
    }

    @Test
    void refusesMissingOrNonPositivePeriods() {
        Duration second = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class,
                () -> new ExchangePeriods(second, second, Duration.ZERO, second, second));
        assertThrows(IllegalArgumentException.class,
                () -> new ExchangePeriods(second, second, second, second, Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> new ExchangePeriods(null, second, second, second, second));
    }
}
