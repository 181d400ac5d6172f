package org.hn.node.peers;

import java.util.Optional;
import org.hn.chain.height.HeightStatus;
import org.hn.node.wire.frame.FrameFormat;
import org.hn.node.wire.hello.HelloString;

/**
 * One entry of the {@link ConnectionRegistry}: a connection that completed its hello, with its key,
 * statistics, the peer's hello and the peer's last reported height ({@code spec/wire.md §4.1, §4.7, §6.2}).
 * Safe to read from any thread.
 */
public final class PeerConnection {

    private final PeerKey key;
    private final Direction direction;
    private final ConnectionStats stats;
    private final HelloString peerHello;
    private volatile HeightStatus heightStatus;
    private volatile FrameFormat framing;

    /**
     * @param key       the peer key
     * @param direction who opened the connection
     * @param stats     the connection's counters, shared with its pipeline
     * @param peerHello the hello the peer sent (inbound) or answered (outbound)
     */
    public PeerConnection(PeerKey key, Direction direction, ConnectionStats stats, HelloString peerHello) {
        this.key = key;
        this.direction = direction;
        this.stats = stats;
        this.peerHello = peerHello;
    }

    public PeerKey key() {
        return key;
    }

    public Direction direction() {
        return direction;
    }

    public ConnectionStats stats() {
        return stats;
    }

    public HelloString peerHello() {
        return peerHello;
    }

    /** The peer's tip as it last reported it in a height exchange; empty before the first one. */
    public Optional<HeightStatus> heightStatus() {
        return Optional.ofNullable(heightStatus);
    }

    /** Stores the peer's reported tip ({@code spec/wire.md §4.7, §6.6}). */
    public void heightStatus(HeightStatus status) {
        this.heightStatus = status;
    }

    /** The framing the connection speaks ({@code DESIGN.md §4}); empty until its owner recorded it. */
    public Optional<FrameFormat> framing() {
        return Optional.ofNullable(framing);
    }

    /** Records the framing the connection speaks, for the metrics. */
    public void framing(FrameFormat format) {
        this.framing = format;
    }

    @Override
    public String toString() {
        return direction + " " + key;
    }
}
