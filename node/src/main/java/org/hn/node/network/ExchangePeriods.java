package org.hn.node.network;

import java.time.Duration;

/**
 * How often an outbound worker exchanges heights and mempools with its peer ({@code spec/wire.md §6.2 step 4.3,
 * §7}), in the normal and the busy flavour. "Busy" is the reference's set of consensus and catch-up states
 * ({@code STRONG_CONSENSUS}, {@code MINIMAL_CONSENSUS}, {@code CATCHING_UP_*}), where heights are exchanged less
 * and mempools more often.
 *
 * @param heightNormal  height exchange period outside the busy states, > 0 (10 s)
 * @param mempoolNormal mempool exchange period outside the busy states, > 0 (30 s)
 * @param heightBusy    height exchange period in the busy states, > 0 (30 s)
 * @param mempoolBusy   mempool exchange period in the busy states, > 0 (20 s)
 * @param checkEvery    how often, in real time, a worker looks whether an exchange is due, > 0 (1 s); the
 *                      periods themselves are measured on the injected clock
 */
public record ExchangePeriods(Duration heightNormal, Duration mempoolNormal, Duration heightBusy,
                              Duration mempoolBusy, Duration checkEvery) {

    /** The reference's periods, checked every second. */
    public static final ExchangePeriods DEFAULTS = new ExchangePeriods(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(1));

    /** @throws IllegalArgumentException if a period is missing, zero or negative */
    public ExchangePeriods {
        for (Duration period : new Duration[] {heightNormal, mempoolNormal, heightBusy, mempoolBusy, checkEvery}) {
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("exchange periods must be positive: height " + heightNormal + "/"
                        + heightBusy + ", mempool " + mempoolNormal + "/" + mempoolBusy + ", check " + checkEvery);
            }
        }
    }

    /** The height exchange period in the given flavour. */
    public Duration height(boolean busy) {
        return busy ? heightBusy : heightNormal;
    }

    /** The mempool exchange period in the given flavour. */
    public Duration mempool(boolean busy) {
        return busy ? mempoolBusy : mempoolNormal;
    }
}
