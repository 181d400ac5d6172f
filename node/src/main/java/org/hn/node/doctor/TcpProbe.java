package org.hn.node.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether something accepts TCP connections at an address: a connect, closed at once, nothing sent. */
final class TcpProbe {

    private TcpProbe() {
    }

    /** The address as {@code ip:port}, or {@code host:port} when it is not resolved. */
    static String describe(InetSocketAddress address) {
        String host = address.isUnresolved() ? address.getHostString() : address.getAddress().getHostAddress();
        return host + ":" + address.getPort();
    }

    /**
     * @return null when the connection was accepted, else why not (refused, timed out, unresolved)
     */
    static String refusal(InetSocketAddress address, Duration timeout) {
        if (address.isUnresolved()) {
            return "cannot resolve " + address.getHostString();
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return null;
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
