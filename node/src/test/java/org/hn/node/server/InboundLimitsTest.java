package org.hn.node.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InboundLimitsTest {

    @Test
    void capsConnectionsPerIpAndInAll() {
        InboundLimits limits = new InboundLimits(3, 2);
        assertTrue(limits.tryAcquire("10.0.0.1"));
        assertTrue(limits.tryAcquire("10.0.0.1"));
        assertFalse(limits.tryAcquire("10.0.0.1"));
        assertTrue(limits.tryAcquire("10.0.0.2"));
        assertFalse(limits.tryAcquire("10.0.0.3"));
        assertEquals(3, limits.open());

        limits.release("10.0.0.1");
        assertEquals(2, limits.open());
        assertTrue(limits.tryAcquire("10.0.0.3"));
        assertFalse(limits.tryAcquire("10.0.0.1"));
    }

    @Test
    void releasingAnUnknownIpIsAnError() {
        assertThrows(IllegalStateException.class, () -> new InboundLimits(3, 2).release("10.0.0.1"));
    }
}
