package org.hn.node.peers;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one peer connection, as the reference keeps them ({@code spec/wire.md §6.2}): connected since,
 * last activity, messages and bytes in each direction (bytes include frame headers) and the times of the
 * last mempool and height exchanges.
 *
 * <p>Written by the connection's event loop and read by status reports on other threads, so every field
 * is safe to read concurrently.
 */
public final class ConnectionStats {

    private final Instant connectedSince;
    private volatile Instant lastActivity;
    private final AtomicLong messagesSent = new AtomicLong();
    private final AtomicLong messagesReceived = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private volatile Instant lastMempoolExchange;
    private volatile Instant lastHeightExchange;

    /** @param connectedSince when the TCP connection was established; also the first "last activity" */
    public ConnectionStats(Instant connectedSince) {
        this.connectedSince = connectedSince;
        this.lastActivity = connectedSince;
    }

    /** Counts bytes read from the socket (headers included) and marks activity. */
    public void bytesReceived(long bytes, Instant at) {
        bytesReceived.addAndGet(bytes);
        lastActivity = at;
    }

    /** Counts bytes written to the socket (headers included) and marks activity. */
    public void bytesSent(long bytes, Instant at) {
        bytesSent.addAndGet(bytes);
        lastActivity = at;
    }

    /** Counts one decoded command. */
    public void messageReceived() {
        messagesReceived.incrementAndGet();
    }

    /** Counts one command handed to the encoder. */
    public void messageSent() {
        messagesSent.incrementAndGet();
    }

    /** Records a mempool exchange; the next one selects txs received since then. */
    public void mempoolExchangedAt(Instant at) {
        lastMempoolExchange = at;
    }

    /** Records a height exchange. */
    public void heightExchangedAt(Instant at) {
        lastHeightExchange = at;
    }

    public Instant connectedSince() {
        return connectedSince;
    }

    /** Time of the last byte sent or received. */
    public Instant lastActivity() {
        return lastActivity;
    }

    public long messagesSent() {
        return messagesSent.get();
    }

    public long messagesReceived() {
        return messagesReceived.get();
    }

    /** Bytes written, frame headers included. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** Bytes read, frame headers included. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Time of the last mempool exchange; empty before the first one (the reference's 0). */
    public Optional<Instant> lastMempoolExchange() {
        return Optional.ofNullable(lastMempoolExchange);
    }

    /** Time of the last height exchange; empty before the first one. */
    public Optional<Instant> lastHeightExchange() {
        return Optional.ofNullable(lastHeightExchange);
    }
}
