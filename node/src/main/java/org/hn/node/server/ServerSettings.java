package org.hn.node.server;

import java.time.Duration;
import org.hn.config.Network;
import org.hn.node.wire.frame.FrameSettings;

/**
 * Limits of the peer server.
 *
 * @param frames              framing limits and network magic
 * @param handshakeTimeout    time from accept to the first complete message, > 0
 * @param idleTimeout         longest silence between messages after that, > 0 ({@code spec/wire.md §1.5}: 90 s)
 * @param maxInbound          open inbound connections at most, > 0 ({@code spec/wire.md §6.1} recommends a cap)
 * @param maxPerIp            open inbound connections per IP at most, > 0
 * @param writeBufferLowBytes  below this many queued outbound bytes the connection is writable again
 * @param writeBufferHighBytes above this many queued outbound bytes reading stops until it drains
 * @param maxPendingRequests  requests a peer may queue ahead of their answers before it counts as a flood, > 0
 * @param defaultHeaderCount  {@code getheaders} count when none is given ({@code BLOCK_SYNC_COUNT}, 20)
 * @param maxHeaderCount      cap on a {@code getheaders} count ({@code spec/wire.md §4.14} recommends 1000)
 * @param maxMempoolAnswer    txs per {@code mempool} answer at most ({@code MAX_TXS_TO_SYNC}, 2000)
 */
public record ServerSettings(
        FrameSettings frames,
        Duration handshakeTimeout,
        Duration idleTimeout,
        int maxInbound,
        int maxPerIp,
        int writeBufferLowBytes,
        int writeBufferHighBytes,
        int maxPendingRequests,
        int defaultHeaderCount,
        int maxHeaderCount,
        int maxMempoolAnswer) {

    /** @throws IllegalArgumentException if a limit is out of range */
    public ServerSettings {
        if (frames == null || !isPositive(handshakeTimeout) || !isPositive(idleTimeout) || maxInbound <= 0
                || maxPerIp <= 0 || writeBufferLowBytes <= 0 || writeBufferHighBytes < writeBufferLowBytes
                || maxPendingRequests <= 0 || defaultHeaderCount < 0 || maxHeaderCount < defaultHeaderCount
                || maxMempoolAnswer < 0) {
            throw new IllegalArgumentException("invalid server settings: handshakeTimeout=" + handshakeTimeout
                    + ", idleTimeout=" + idleTimeout + ", maxInbound=" + maxInbound + ", maxPerIp=" + maxPerIp
                    + ", writeBuffer=" + writeBufferLowBytes + "-" + writeBufferHighBytes + ", maxPendingRequests="
                    + maxPendingRequests + ", headers=" + defaultHeaderCount + "/" + maxHeaderCount
                    + ", maxMempoolAnswer=" + maxMempoolAnswer + (frames == null ? ", no frame settings" : ""));
        }
    }

    /**
     * Defaults on a network: 30 s to say hello, 90 s idle, 88 inbound connections (2 × {@code MAX_CONNECT_TO}
     * plus 8 for tools), 8 per IP, write buffer 64 KiB–1 MiB, 4 queued requests, headers 20 by default and
     * 1000 at most, 2000 txs per mempool answer.
     */
    public static ServerSettings defaults(Network network) {
        return new ServerSettings(FrameSettings.defaults(network), Duration.ofSeconds(30), Duration.ofSeconds(90),
                88, 8, 64 * 1024, 1024 * 1024, 4, 20, 1000, 2000);
    }

    /** A copy with other handshake and idle timeouts. */
    public ServerSettings withTimeouts(Duration handshake, Duration idle) {
        return new ServerSettings(frames, handshake, idle, maxInbound, maxPerIp, writeBufferLowBytes,
                writeBufferHighBytes, maxPendingRequests, defaultHeaderCount, maxHeaderCount, maxMempoolAnswer);
    }

    /** A copy with other connection caps. */
    public ServerSettings withConnectionLimits(int inbound, int perIp) {
        return new ServerSettings(frames, handshakeTimeout, idleTimeout, inbound, perIp, writeBufferLowBytes,
                writeBufferHighBytes, maxPendingRequests, defaultHeaderCount, maxHeaderCount, maxMempoolAnswer);
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
