package org.hn.node.supervise;

import java.util.Locale;

/**
 * One watchdog check's outcome.
 *
 * @param action what the watchdog did
 * @param reason why, in words for the operator's log
 */
public record WatchdogDecision(Action action, String reason) {

    /** What the watchdog did about the node. */
    public enum Action {
        /** Nothing: the node is healthy, starting, stopped on purpose, or has a problem a restart would not fix. */
        LEAVE,
        /** Nothing yet: the node should be restarted but forges its own slot now. */
        POSTPONE,
        /** Restarted the service. */
        RESTART,
        /** Tried to restart the service and the service manager refused. */
        RESTART_FAILED
    }

    @Override
    public String toString() {
        return action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + reason;
    }
}
