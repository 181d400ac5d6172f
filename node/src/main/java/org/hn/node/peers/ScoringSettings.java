package org.hn.node.peers;

import java.time.Duration;

/**
 * How {@link PeerScores} judges peer IPs.
 *
 * @param fullScore        score of an IP with a clean record, > 0
 * @param banThreshold     an IP whose score falls to this value or below is banned; below {@code fullScore}
 * @param banDuration      how long a ban lasts, > 0
 * @param recoveryPerHour  points an IP regains per hour of good behaviour, up to {@code fullScore}; ≥ 0
 */
public record ScoringSettings(int fullScore, int banThreshold, Duration banDuration, int recoveryPerHour) {

    /** 100 points, banned at 0 for 15 minutes, 20 points regained per hour. */
    public static final ScoringSettings DEFAULTS = new ScoringSettings(100, 0, Duration.ofMinutes(15), 20);

    /** @throws IllegalArgumentException if a value is outside its range */
    public ScoringSettings {
        if (fullScore <= 0 || banThreshold >= fullScore || recoveryPerHour < 0
                || banDuration == null || banDuration.isNegative() || banDuration.isZero()) {
            throw new IllegalArgumentException("invalid scoring settings: fullScore=" + fullScore + ", banThreshold="
                    + banThreshold + ", banDuration=" + banDuration + ", recoveryPerHour=" + recoveryPerHour);
        }
    }
}
