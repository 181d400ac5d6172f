package org.hn.node.supervise;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** The service manager's view of the hn service: its state, and a restart. */
public interface ServiceControl {

    /** The unit's state as the service manager reports it. */
    enum UnitState {
        /** Running (or starting). */
        ACTIVE,
        /** Stopped cleanly, by an operator or never started. */
        INACTIVE,
        /** Crashed, or gave up restarting it. */
        FAILED,
        /** Anything else (stopping, reloading, unknown unit, service manager unreachable). */
        OTHER
    }

    /** The unit's state now; never throws, a query that fails is {@link UnitState#OTHER}. */
    UnitState state();

    /** When the unit's current run started (its main process), empty if unknown or not running. */
    Optional<Instant> activeSince();

    /**
     * Restarts the service (starting it if it is not running).
     *
     * @throws IOException if the service manager refuses or cannot be run; the message says why
     */
    void restart() throws IOException;
}
