package org.hn.node.persistence;

/**
 * Bytes and protocol messages exchanged with peers over some span of time.
 *
 * @param bytesSent        bytes written to peers, frame headers included
 * @param bytesReceived    bytes read from peers, frame headers included
 * @param messagesSent     commands written to peers
 * @param messagesReceived commands read from peers
 */
public record Traffic(long bytesSent, long bytesReceived, long messagesSent, long messagesReceived) {

    /** No traffic. */
    public static final Traffic NONE = new Traffic(0, 0, 0, 0);

    /** The sum of both spans. */
    public Traffic plus(Traffic other) {
        return new Traffic(bytesSent + other.bytesSent, bytesReceived + other.bytesReceived,
                messagesSent + other.messagesSent, messagesReceived + other.messagesReceived);
    }

    /** What was exchanged since {@code earlier}, a reading of the same counters taken before this one. */
    public Traffic minus(Traffic earlier) {
        return new Traffic(bytesSent - earlier.bytesSent, bytesReceived - earlier.bytesReceived,
                messagesSent - earlier.messagesSent, messagesReceived - earlier.messagesReceived);
    }
}
