package org.hn.node.sync;

/**
 * How a catch-up or a round sync with one peer ended.
 *
 * @param succeeded whether our chain now follows the peer's as intended
 * @param removed   local blocks removed (rolled back or replaced)
 * @param appended  blocks taken from the peer
 * @param detail    a one-line account for the log
 */
public record SyncOutcome(boolean succeeded, int removed, int appended, String detail) {
}
