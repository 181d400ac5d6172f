package org.hn.node.server;

import io.netty.channel.ChannelException;
import java.time.Duration;

/** A connection sent no complete first message within the handshake timeout; it is closed. */
public final class HandshakeTimeoutException extends ChannelException {

    /** @param timeout the timeout that ran out */
    public HandshakeTimeoutException(Duration timeout) {
        super("no complete first message within " + timeout.toMillis() + " ms");
    }
}
