package org.hn.node.wire.frame;

import org.hn.config.Network;

/**
 * Limits and identity shared by the frame decoders and encoders of one node.
 *
 * @param network          whose magic starts every v2 frame ({@link Network#frameMagic()})
 * @param maxPayloadBytes  largest accepted payload in bytes, inclusive; a longer announced length is a
 *                         breach ({@code spec/wire.md §1.4} recommends 64 MiB)
 * @param resyncLimitBytes how many bytes a v2 decoder may discard while looking for the next magic
 *                         before it gives up ({@code DESIGN.md §4})
 */
public record FrameSettings(Network network, int maxPayloadBytes, int resyncLimitBytes) {

    /** 64 MiB: ample for the largest legitimate frame, a ~15 MB {@code roundblocks} answer. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;
    /** 64 KiB of garbage tolerated before a v2 magic. */
    public static final int DEFAULT_RESYNC_LIMIT_BYTES = 64 * 1024;

    /** @throws IllegalArgumentException if the network is missing or a limit is negative */
    public FrameSettings {
        if (network == null) {
            throw new IllegalArgumentException("network is required");
        }
        if (maxPayloadBytes < 0 || resyncLimitBytes < 0) {
            throw new IllegalArgumentException(
                    "limits must be >= 0, got maxPayloadBytes=" + maxPayloadBytes + ", resyncLimitBytes=" + resyncLimitBytes);
        }
    }

    /** The default limits on the given network. */
    public static FrameSettings defaults(Network network) {
        return new FrameSettings(network, DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_RESYNC_LIMIT_BYTES);
    }

    /** A copy with another payload cap in bytes. */
    public FrameSettings withMaxPayloadBytes(int bytes) {
        return new FrameSettings(network, bytes, resyncLimitBytes);
    }

    /**
     * Refuses to send a payload that a peer with the same cap would treat as a breach.
     *
     * @throws IllegalArgumentException if {@code payloadBytes} exceeds {@link #maxPayloadBytes()}
     */
    void requireSendable(int payloadBytes) {
        if (payloadBytes > maxPayloadBytes) {
            throw new IllegalArgumentException(
                    "payload of " + payloadBytes + " bytes exceeds the frame cap of " + maxPayloadBytes + " bytes");
        }
    }
}
