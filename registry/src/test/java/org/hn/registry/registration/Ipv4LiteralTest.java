package org.hn.registry.registration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code spec/pow.md §5.4 step 2.1, §5.5} (IP class row). */
class Ipv4LiteralTest {

    @Test
    void acceptsEveryDottedQuadIncludingNonGlobalRanges() {
        for (String ip : new String[] {"198.51.100.1", "127.0.0.1", "10.0.0.1", "0.0.0.0", "255.255.255.255",
                "224.0.0.1"}) {
            assertTrue(Ipv4Literal.isValid(ip), ip);
        }
    }

    @Test
    void rejectsOtherShapes() {
        for (String ip : new String[] {"198.51.100.256", "01.2.3.4", "1.2.3", "1.2.3.4.5", "1..3.4", "", "a.b.c.d",
                "1.2.3.4 ", "+1.2.3.4", "1.2.3.0x1", "1234.1.1.1", "١.2.3.4", "localhost"}) {
            assertFalse(Ipv4Literal.isValid(ip), ip);
        }
    }

    @Test
    void strictPortsAreDecimal1To65535WithoutSignOrLeadingZero() {
        for (String port : new String[] {"1", "6969", "65535"}) {
            assertTrue(PortNumber.isValid(port), port);
        }
        for (String port : new String[] {"0", "65536", "06969", "+6969", "-1", "69x9", "", "6969 ", "999999"}) {
            assertFalse(PortNumber.isValid(port), port);
        }
    }
}
