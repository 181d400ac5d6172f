package org.hn.node.wire.frame;

/**
 * User event fired by {@link V2FrameDecoder} when a v2 frame's checksum does not match its payload. The
 * frame was dropped and the connection kept ({@code DESIGN.md §4}); the session handler counts this
 * against the peer.
 *
 * @param payloadBytes      length of the dropped payload in bytes
 * @param mismatchesOnChannel mismatches seen on this channel so far, this one included
 */
public record ChecksumMismatch(long payloadBytes, long mismatchesOnChannel) {
}
