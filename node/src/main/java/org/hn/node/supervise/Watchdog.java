package org.hn.node.supervise;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.hn.node.supervise.ServiceControl.UnitState;
import org.hn.node.supervise.WatchdogDecision.Action;

/**
 * Restarts a missing or frozen node ({@code DESIGN.md §7}; the careful version of the reference's cron jobs,
 * {@code spec/ops.md §5.6}). Run once a minute. It judges the node by its heartbeat — the status file the
 * daemon rewrites every few seconds — rather than by log times, and asks {@code hn status} only when the
 * heartbeat is fresh:
 * <ol>
 *   <li>a service stopped on purpose ({@code inactive}) is left alone; a {@code failed} one is restarted;</li>
 *   <li>a service that started less than {@code startGrace} ago and has not written its first status yet is
 *       left to start; past the grace, a run without status is frozen at start-up and restarted;</li>
 *   <li>a status older than {@code frozenAfter} means a frozen node: restarted, even in its own forging slot
 *       (a frozen node cannot forge anyway);</li>
 *   <li>a fresh status with a node that does not answer its client port (unreachable, probe failed) is
 *       restarted, unless the node forges its own slot right now: then the restart waits for the next check;</li>
 *   <li>a node that answers, healthy or not, is left alone: a restart does not cure an unsynced node or a
 *       refused token, and systemd restarts a crashed one itself.</li>
 * </ol>
 * The caller logs the decision ({@code hn watchdog} prints it; the packaged cron job sends it to syslog).
 */
public final class Watchdog {

    /** The watchdog's thresholds. */
    public record Limits(Duration frozenAfter, Duration startGrace) {
        /**
         * A status older than 150 s is frozen (five missed refreshes at the default {@code STATUS_EVERY=30}; a
         * slow SD card write or a GC pause never gets near it); three minutes to start.
         */
        public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(150), Duration.ofSeconds(180));
    }

    private final Path statusFile;
    private final HealthProbe probe;
    private final ServiceControl service;
    private final Limits limits;
    private final Clock clock;

    public Watchdog(Path statusFile, HealthProbe probe, ServiceControl service, Limits limits, Clock clock) {
        this.statusFile = statusFile;
        this.probe = probe;
        this.service = service;
        this.limits = limits;
        this.clock = clock;
    }

    /** Checks the node once, restarts it if needed, and returns the decision. */
    public WatchdogDecision check() {
        WatchdogDecision decision = decide();
        if (decision.action() == Action.RESTART) {
            try {
                service.restart();
            } catch (IOException e) {
                decision = new WatchdogDecision(Action.RESTART_FAILED, decision.reason() + "; " + e.getMessage());
            }
        }
        return decision;
    }

    private WatchdogDecision decide() {
        UnitState state = service.state();
        if (state == UnitState.INACTIVE) {
            return leave("the service is stopped (systemctl stop, or never started): not starting it");
        }
        if (state == UnitState.FAILED) {
            return new WatchdogDecision(Action.RESTART, "missing: the service failed and systemd gave up on it");
        }
        Instant now = clock.instant();
        Optional<Instant> since = service.activeSince();
        Optional<Heartbeat> heartbeat;
        String noStatus = "no status at " + statusFile;
        try {
            heartbeat = Heartbeat.read(statusFile);
        } catch (IOException e) {
            heartbeat = Optional.empty();
            noStatus = "unusable status: " + e.getMessage();
        }
        Optional<Heartbeat> ofThisRun = heartbeat.filter(h -> since.isEmpty()
                || !Instant.ofEpochSecond(h.statusTime()).isBefore(since.get().minusSeconds(1)));
        if (ofThisRun.isEmpty()) {
            if (since.isPresent()) {
                long up = Duration.between(since.get(), now).toSeconds();
                if (up < limits.startGrace().toSeconds()) {
                    return leave("starting: up " + up + " s, no status yet");
                }
                return new WatchdogDecision(Action.RESTART,
                        "frozen at start-up: up " + up + " s without writing " + statusFile);
            }
            return new WatchdogDecision(Action.RESTART, "missing: " + noStatus);
        }
        Heartbeat status = ofThisRun.get();
        long age = now.getEpochSecond() - status.statusTime();
        if (age > limits.frozenAfter().toSeconds()) {
            return new WatchdogDecision(Action.RESTART, "frozen: last status " + age + " s ago");
        }
        ProbeResult answer = probe.probe();
        return switch (answer) {
            case OK -> leave("healthy (status " + age + " s old)");
            case REFUSED -> leave("the node answers but refuses the status query: check the probe's token");
            case UNHEALTHY -> leave("the node answers and reports a problem a restart does not fix: see hn status");
            case UNREACHABLE, FAILED -> {
                String why = "the node does not answer (" + answer.name().toLowerCase(Locale.ROOT)
                        + ") though its status is " + age + " s old";
                if (forgesNow(status, now)) {
                    yield new WatchdogDecision(Action.POSTPONE, why + "; it forges its own slot "
                            + status.round() + "/" + status.slot() + " now, restart postponed");
                }
                yield new WatchdogDecision(Action.RESTART, why);
            }
        };
    }

    /** True if the status says the node forges the slot that is current now. */
    private static boolean forgesNow(Heartbeat status, Instant now) {
        double seconds = now.toEpochMilli() / 1000.0;
        return status.forgesOwnSlot() && status.network().roundAt(seconds) == status.round()
                && status.network().slotAt(seconds) == status.slot();
    }

    private static WatchdogDecision leave(String reason) {
        return new WatchdogDecision(Action.LEAVE, reason);
    }
}
