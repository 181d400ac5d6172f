package org.hn.node.update;

import java.util.Locale;

/**
 * How an update run ended when nothing was refused (refusals are {@link UpdateException}s).
 *
 * @param result  what happened
 * @param message the details for the operator
 */
public record UpdateOutcome(Result result, String message) {

    /** What an update run did. */
    public enum Result {
        /** The newest signed release is the one running (or older, or one rejected earlier). */
        UP_TO_DATE,
        /** A newer release was installed, switched to, and the node is healthy on it. */
        INSTALLED,
        /** A newer release was installed but the node was not healthy on it: back on the previous release. */
        ROLLED_BACK,
        /** Another update run holds the lock. */
        BUSY
    }

    @Override
    public String toString() {
        return result.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + message;
    }
}
