package org.hn.chain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that stands still until a test sets or advances it; safe to read from other threads. */
public final class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    public TestClock(long epochSeconds) {
        this(Instant.ofEpochSecond(epochSeconds));
    }

    /** Moves the clock to a unix time in seconds. */
    public void set(long epochSeconds) {
        now = Instant.ofEpochSecond(epochSeconds);
    }

    /** Moves the clock forward. */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
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
        throw new UnsupportedOperationException("a test clock is UTC only");
    }
}
