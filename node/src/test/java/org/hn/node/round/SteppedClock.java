package org.hn.node.round;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. */
final class SteppedClock extends Clock {

    private Instant now;

    SteppedClock(long epochSeconds) {
        this.now = Instant.ofEpochSecond(epochSeconds);
    }

    void set(long epochSeconds) {
        now = Instant.ofEpochSecond(epochSeconds);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
