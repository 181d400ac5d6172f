package org.hn.pow.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Reward, pot payout and fee formulas of {@code spec/pow.md §2.3, §2.4}, computed by hand. */
class PowRewardsTest {

    @Test
    void miningRewardBeforeAndAfterTheForkWithItsFloor() {
        assertEquals(new BigDecimal("11.03980000"), PowRewards.miningReward(780_100));
        assertEquals(new BigDecimal("5.50000000"), PowRewards.miningReward(1_450_000));
        assertEquals(new BigDecimal("4.50000000"), PowRewards.miningReward(2_550_000));
        assertEquals(new BigDecimal("0.50000000"), PowRewards.miningReward(9_000_000));
    }

    @Test
    void potPayoutIs24UntilTheForkThenDecreasesFromThePreviousHeight() {
        assertEquals(new BigDecimal("24.00000000"), PowRewards.potPayout(1_449_990));
        // 24 − 10·(1449999 + 5 − 1450000)/3000000 = 24 − 0.0000133…
        assertEquals(new BigDecimal("23.99998667"), PowRewards.potPayout(1_450_000));
        assertEquals(new BigDecimal("0.50000000"), PowRewards.potPayout(9_000_000));
    }

    @Test
    void mirrorRowsAtEveryTenthHeightBelow4380000() {
        assertTrue(PowRewards.hasMirrorRows(780_100));
        assertTrue(PowRewards.hasMirrorRows(4_379_990));
        assertFalse(PowRewards.hasMirrorRows(4_380_000));
        assertFalse(PowRewards.hasMirrorRows(780_101));
    }

    @Test
    void feeGrowsWithTheOpenfieldAndTokenIssueAndAliasSurcharges() {
        BigDecimal time = BigDecimal.ONE;
        assertEquals(new BigDecimal("0.01000000"), new PowTransaction("a", "b", BigDecimal.ONE, "0", "", time).fee());
        assertEquals(new BigDecimal("0.01116000"),
                new PowTransaction("a", "a", BigDecimal.ZERO, "hypernode:register", "x".repeat(116), time).fee());
        assertEquals(new BigDecimal("10.01006000"),
                new PowTransaction("a", "a", BigDecimal.ZERO, "token:issue", "tok:10", time).fee());
        assertEquals(new BigDecimal("1.01010000"),
                new PowTransaction("a", "a", BigDecimal.ZERO, "0", "alias=john", time).fee());
    }
}
