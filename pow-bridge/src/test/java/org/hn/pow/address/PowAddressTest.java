package org.hn.pow.address;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code spec/pow.md §2.5}. */
class PowAddressTest {

    @Test
    void legacyAddressesAre56LowercaseHexCharacters() {
        assertTrue(PowAddress.isValid("dfc36a1516370909ad0ddf3e3203f02e712626f5455749c65f429aa4"));
        assertTrue(PowAddress.isValid(PowAddress.CONTROL));
        assertFalse(PowAddress.isValid("DFC36A1516370909AD0DDF3E3203F02E712626F5455749C65F429AA4"));
        assertFalse(PowAddress.isValid("dfc36a1516370909ad0ddf3e3203f02e712626f5455749c65f429aa"));
        assertFalse(PowAddress.isValid("dfc36a1516370909ad0ddf3e3203f02e712626f5455749c65f429aa4a"));
        assertFalse(PowAddress.isValid("gfc36a1516370909ad0ddf3e3203f02e712626f5455749c65f429aa4"));
    }

    @Test
    void prefixedAddressesHaveBase58AfterBis1AndAllowedTotalLengths() {
        assertTrue(PowAddress.isValid("Bis1kdV5cggfWgxX5BTQ6Z4dp8ctWWC9J1tU1"));
        assertTrue(PowAddress.isValid("Bis1" + "1".repeat(28)));
        assertFalse(PowAddress.isValid("Bis1" + "1".repeat(27)));
        assertTrue(PowAddress.isValid("Bis1" + "z".repeat(45)));
        assertFalse(PowAddress.isValid("Bis1" + "z".repeat(46)));
        assertTrue(PowAddress.isValid("Bis1" + "z".repeat(47)));
        assertTrue(PowAddress.isValid("Bis1" + "z".repeat(52)));
        assertFalse(PowAddress.isValid("Bis1" + "z".repeat(53)));
        assertFalse(PowAddress.isValid("Bis1kdV5cggfWgxX5BTQ6Z4dp8ctWWC9J1tU0"));
        assertFalse(PowAddress.isValid("bis1kdV5cggfWgxX5BTQ6Z4dp8ctWWC9J1tU1"));
    }

    @Test
    void otherStringsAreInvalid() {
        assertFalse(PowAddress.isValid(null));
        assertFalse(PowAddress.isValid(""));
        assertFalse(PowAddress.isValid("NOTANADDRESS"));
        assertFalse(PowAddress.isValid("BLvTAjom84jjYw96q6wHZnjCxfBca9ihtd"));
    }
}
