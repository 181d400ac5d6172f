package org.hn.pow.devnet;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Bismuth's mining reward and hypernode pot payout per block ({@code spec/pow.md §2.3, §2.4}), in BIS with 8
 * decimals, for writing realistic blocks.
 */
public final class PowRewards {

    /** First height of the post-fork reward schedule. */
    public static final long FORK_HEIGHT = 1_450_000L;
    /** Mirror rows are written only below this height. */
    public static final long MIRROR_END_HEIGHT = 4_380_000L;

    private static final BigDecimal FLOOR = new BigDecimal("0.5");

    private PowRewards() {
    }

    /**
     * Mining reward at height h: before 1,450,000 {@code 15 − h/500000 − 2.4}, from then
     * {@code 15 − (h − 1450000)/1100000 − 9.5}; never below 0.5.
     */
    public static BigDecimal miningReward(long height) {
        BigDecimal reward = height < FORK_HEIGHT
                ? BigDecimal.valueOf(15).subtract(ratio(height, 500_000)).subtract(new BigDecimal("2.4"))
                : BigDecimal.valueOf(15).subtract(ratio(height - FORK_HEIGHT, 1_100_000)).subtract(new BigDecimal("9.5"));
        return reward.max(FLOOR).setScale(8, RoundingMode.HALF_EVEN);
    }

    /**
     * Amount of the {@code Hypernode Payouts} mirror row of a block: 24 before 1,450,000, then
     * {@code 24 − 10·(h + 5 − 1450000)/3000000} with h the previous block's height; never below 0.5.
     */
    public static BigDecimal potPayout(long height) {
        long previous = height - 1;
        BigDecimal payout = height < FORK_HEIGHT
                ? BigDecimal.valueOf(24)
                : BigDecimal.valueOf(24).subtract(ratio(10 * (previous + 5 - FORK_HEIGHT), 3_000_000));
        return payout.max(FLOOR).setScale(8, RoundingMode.HALF_EVEN);
    }

    /** True when the block at this height gets the two mirror rows: a multiple of 10 below 4,380,000. */
    public static boolean hasMirrorRows(long height) {
        return height % 10 == 0 && height < MIRROR_END_HEIGHT;
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 12, RoundingMode.HALF_EVEN);
    }
}
