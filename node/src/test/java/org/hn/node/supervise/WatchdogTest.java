package org.hn.node.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hn.config.Network;
import org.hn.node.supervise.WatchdogDecision.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogTest {

    private static final String ME = "BHbbLpbTAVKrJ1XDLMM48Qa6xJuCGofCuH";
    private static final String OTHER = "B8stX39s5NBFx746ZUx9ZSzBMyBFhnbn9c";
    /** Round 1000, slot 5 of mainnet (one-hour rounds of 180-s slots), 10 s into the slot. */
    private static final long NOW = Network.MAINNET.originOfTime() + 1000 * 3600 + 5 * 180 + 10;

    @TempDir
    Path data;

    private final FakeService service = new FakeService();
    private int probes;
    private ProbeResult answer = ProbeResult.OK;

    @Test
    void healthyNodeIsLeftAlone() throws IOException {
        writeStatus(NOW - 2, 1000, 5, OTHER);

        WatchdogDecision decision = watchdog().check();

        assertEquals(Action.LEAVE, decision.action());
        assertEquals("leave: healthy (status 2 s old)", decision.toString());
        assertEquals(0, service.restarts);
        assertEquals(1, probes);
    }

    @Test
    void frozenNodeIsRestartedWithoutAskingIt() throws IOException {
        writeStatus(NOW - 151, 1000, 5, OTHER);

        WatchdogDecision decision = watchdog().check();

        assertEquals(Action.RESTART, decision.action());
        assertEquals("restart: frozen: last status 151 s ago", decision.toString());
        assertEquals(1, service.restarts);
        assertEquals(0, probes);
    }

    @Test
    void statusTwoAndAHalfMinutesOldIsStillFresh() throws IOException {
        writeStatus(NOW - 150, 1000, 5, OTHER);

        assertEquals(Action.LEAVE, watchdog().check().action());
        assertEquals(0, service.restarts);
    }

    @Test
    void frozenNodeIsRestartedEvenInItsOwnSlot() throws IOException {
        writeStatus(NOW - 200, 1000, 5, ME);

        assertEquals(Action.RESTART, watchdog().check().action());
        assertEquals(1, service.restarts);
    }

    @Test
    void unansweringNodeIsNotRestartedDuringItsOwnForgingSlot() throws IOException {
        writeStatus(NOW - 4, 1000, 5, ME);
        answer = ProbeResult.UNREACHABLE;

        WatchdogDecision decision = watchdog().check();

        assertEquals(Action.POSTPONE, decision.action());
        assertTrue(decision.reason().contains("own slot 1000/5"), decision.reason());
        assertEquals(0, service.restarts);
    }

    @Test
    void unansweringNodeIsRestartedInAnotherForgersSlot() throws IOException {
        writeStatus(NOW - 4, 1000, 5, OTHER);
        answer = ProbeResult.UNREACHABLE;

        assertEquals(Action.RESTART, watchdog().check().action());
        assertEquals(1, service.restarts);
    }

    @Test
    void ownSlotThatIsOverNoLongerHoldsTheRestart() throws IOException {
        // the status was taken in slot 4, our slot; the clock is in slot 5 now
        writeStatus(NOW - 20, 1000, 4, ME);
        answer = ProbeResult.FAILED;

        assertEquals(Action.RESTART, watchdog().check().action());
    }

    @Test
    void nodeThatAnswersUnhealthyOrRefusesIsLeftAlone() throws IOException {
        writeStatus(NOW - 2, 1000, 5, OTHER);
        answer = ProbeResult.UNHEALTHY;
        assertEquals(Action.LEAVE, watchdog().check().action());
        answer = ProbeResult.REFUSED;
        assertEquals(Action.LEAVE, watchdog().check().action());
        assertEquals(0, service.restarts);
    }

    @Test
    void stoppedServiceIsNotStarted() throws IOException {
        writeStatus(NOW - 3600, 999, 5, OTHER);
        service.state = ServiceControl.UnitState.INACTIVE;

        assertEquals(Action.LEAVE, watchdog().check().action());
        assertEquals(0, service.restarts);
    }

    @Test
    void failedServiceIsRestarted() {
        service.state = ServiceControl.UnitState.FAILED;

        assertEquals(Action.RESTART, watchdog().check().action());
        assertEquals(1, service.restarts);
    }

    @Test
    void startingNodeGetsItsGraceThenIsRestarted() throws IOException {
        writeStatus(NOW - 600, 999, 15, OTHER); // left by the previous run
        service.since = Optional.of(Instant.ofEpochSecond(NOW - 179));
        assertEquals(Action.LEAVE, watchdog().check().action());

        service.since = Optional.of(Instant.ofEpochSecond(NOW - 181));
        WatchdogDecision decision = watchdog().check();
        assertEquals(Action.RESTART, decision.action());
        assertTrue(decision.reason().startsWith("frozen at start-up: up 181 s"), decision.reason());
    }

    @Test
    void missingStatusFileMeansAMissingNode() {
        WatchdogDecision decision = watchdog().check();

        assertEquals(Action.RESTART, decision.action());
        assertEquals(1, service.restarts);
    }

    @Test
    void garbledStatusFileCountsAsMissing() throws IOException {
        Files.writeString(data.resolve("status.json"), "{\"instance\": {}}");

        WatchdogDecision decision = watchdog().check();

        assertEquals(Action.RESTART, decision.action());
        assertTrue(decision.reason().startsWith("missing: unusable status: "), decision.reason());
        assertTrue(decision.reason().endsWith("no instance.statustime"), decision.reason());
    }

    @Test
    void refusedRestartIsReported() throws IOException {
        writeStatus(NOW - 200, 1000, 5, OTHER);
        service.refuse = true;

        WatchdogDecision decision = watchdog().check();

        assertEquals(Action.RESTART_FAILED, decision.action());
        assertTrue(decision.reason().endsWith("; unit hn not found"), decision.reason());
    }

    private Watchdog watchdog() {
        return new Watchdog(data.resolve("status.json"), () -> {
            probes++;
            return answer;
        }, service, Watchdog.Limits.DEFAULTS, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    }

    /** A status file in the daemon's shape, reduced to the fields the watchdog reads. */
    private void writeStatus(long statusTime, long round, int slot, String forger) throws IOException {
        Files.writeString(data.resolve("status.json"), """
                {"config": {"address": "%s", "port": 6969},
                 "instance": {"version": "0.1.0", "statustime": %d},
                 "state": {"state": "SYNC", "round": %d, "sir": %d, "forger": "%s"},
                 "hn": {"network": "mainnet", "round": %d, "slot": %d}}
                """.formatted(ME, statusTime, round, slot, forger, round, slot));
    }

    private static final class FakeService implements ServiceControl {
        UnitState state = UnitState.ACTIVE;
        Optional<Instant> since = Optional.empty();
        boolean refuse;
        int restarts;

        @Override
        public UnitState state() {
            return state;
        }

        @Override
        public Optional<Instant> activeSince() {
            return since;
        }

        @Override
        public void restart() throws IOException {
            if (refuse) {
                throw new IOException("unit hn not found");
            }
            restarts++;
        }
    }
}
