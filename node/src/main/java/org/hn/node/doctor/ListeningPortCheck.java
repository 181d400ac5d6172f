package org.hn.node.doctor;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * {@code port}: whether the peer port ({@code BIND}, {@code PORT}) accepts connections on this machine. Nothing
 * listening is a warning, not a failure: the doctor is also run before the node is started.
 */
public final class ListeningPortCheck implements Check {

    private final InetSocketAddress local;
    private final Duration timeout;

    /**
     * @param local   where the node listens; for a wildcard {@code BIND} pass the loopback address and the port
     * @param timeout connect bound
     */
    public ListeningPortCheck(InetSocketAddress local, Duration timeout) {
        this.local = local;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "port";
    }

    @Override
    public Finding run() {
        String where = TcpProbe.describe(local);
        String refusal = TcpProbe.refusal(local, timeout);
        if (refusal == null) {
            return Finding.ok(name(), "something listens on " + where);
        }
        return Finding.warn(name(), "nothing accepts connections on " + where + " (" + refusal + ")",
                "start the node ('hn run --data DIR'); if it runs, compare BIND and PORT in hn.conf with its log");
    }
}
