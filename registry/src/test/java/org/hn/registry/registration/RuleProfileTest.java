package org.hn.registry.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hn.config.Network;
import org.junit.jupiter.api.Test;

class RuleProfileTest {

    @Test
    void theSettingNamesAProfileOrLeavesItToTheNetwork() {
        assertEquals(RuleProfile.COMPAT, RuleProfile.ofSetting("auto", Network.MAINNET));
        assertEquals(RuleProfile.COMPAT, RuleProfile.ofSetting("AUTO", Network.TESTNET));
        assertEquals(RuleProfile.STRICT, RuleProfile.ofSetting("auto", Network.DEVNET));
        assertEquals(RuleProfile.STRICT, RuleProfile.ofSetting("strict", Network.MAINNET));
        assertEquals(RuleProfile.COMPAT, RuleProfile.ofSetting("Compat", Network.DEVNET));
        assertThrows(IllegalArgumentException.class, () -> RuleProfile.ofSetting("lenient", Network.MAINNET));
    }
}
