package org.hn.node.round;

/**
 * Why a pushed block was not stored.
 *
 * @param reason       for the log
 * @param sendersFault true when the block itself is bad (forged, not the sender's slot, badly linked or built), so
 *                     the sender is scored; false when we could not judge it (between rounds, busy, behind, banned)
 */
public record BlockRefusal(String reason, boolean sendersFault) {
}
