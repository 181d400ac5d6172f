package org.hn.node.peers;

import org.hn.chain.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.hn.node.wire.ProtocolBreachException;
import org.junit.jupiter.api.Test;

class PeerScoresTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

    private final TestClock clock = new TestClock(START);
    private final PeerScores scores = new PeerScores(ScoringSettings.DEFAULTS, Set.of("10.9.9.9"), clock);

    @Test
    void breachesLowerTheScoreByTheirWeight() {
        assertEquals(100, scores.score("10.0.0.1"));
        scores.record("10.0.0.1", Misbehaviour.CHECKSUM_MISMATCH);
        scores.record("10.0.0.1", Misbehaviour.NO_HELLO);
        assertEquals(100 - 10 - 20, scores.score("10.0.0.1"));
        assertEquals(100, scores.score("10.0.0.2"));
    }

    @Test
    void reachingTheThresholdBansForTheConfiguredTime() {
        assertFalse(scores.record("10.0.0.1", Misbehaviour.FRAME_TOO_LARGE));
        assertFalse(scores.isBanned("10.0.0.1"));
        assertTrue(scores.record("10.0.0.1", Misbehaviour.MALFORMED_COMMAND));
        assertTrue(scores.isBanned("10.0.0.1"));
        assertEquals(Optional.of(START.plus(Duration.ofMinutes(15))), scores.bannedUntil("10.0.0.1"));

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertTrue(scores.isBanned("10.0.0.1"));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(scores.isBanned("10.0.0.1"));
        assertEquals(100, scores.score("10.0.0.1"));
    }

    @Test
    void staticPeersAreNeverBanned() {
        for (int breach = 0; breach < 10; breach++) {
            assertFalse(scores.record("10.9.9.9", Misbehaviour.MAGIC_NOT_FOUND));
        }
        assertFalse(scores.isBanned("10.9.9.9"));
        assertEquals(0, scores.score("10.9.9.9"));
    }

    @Test
    void scoresRecoverWithTime() {
        scores.record("10.0.0.1", Misbehaviour.FRAME_TOO_LARGE);
        clock.advance(Duration.ofHours(1));
        assertEquals(50 + 20, scores.score("10.0.0.1"));
        clock.advance(Duration.ofHours(10));
        assertEquals(100, scores.score("10.0.0.1"));
        // Recovered points count: one more heavy breach no longer bans.
        assertFalse(scores.record("10.0.0.1", Misbehaviour.FRAME_TOO_LARGE));
    }

    @Test
    void everyWireBreachHasAMisbehaviour() {
        assertEquals(Misbehaviour.FRAME_TOO_LARGE, Misbehaviour.of(ProtocolBreachException.Reason.FRAME_TOO_LARGE));
        assertEquals(Misbehaviour.NEGATIVE_FRAME_LENGTH,
                Misbehaviour.of(ProtocolBreachException.Reason.NEGATIVE_FRAME_LENGTH));
        assertEquals(Misbehaviour.MAGIC_NOT_FOUND, Misbehaviour.of(ProtocolBreachException.Reason.MAGIC_NOT_FOUND));
        assertEquals(Misbehaviour.MALFORMED_COMMAND, Misbehaviour.of(ProtocolBreachException.Reason.MALFORMED_COMMAND));
        assertEquals(Misbehaviour.UNKNOWN_COMMAND, Misbehaviour.of(ProtocolBreachException.Reason.UNKNOWN_COMMAND));
    }
}
