package org.hn.node.server;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts open inbound connections, in all and per IP, and refuses those above the caps
 * ({@code spec/wire.md §6.1}, §11 defect 8). Thread-safe.
 */
public final class InboundLimits {

    private final int maxConnections;
    private final int maxPerIp;
    private final Map<String, Integer> openPerIp = new HashMap<>();
    private int open;

    /** @param maxConnections cap on all inbound connections; @param maxPerIp cap per IP */
    public InboundLimits(int maxConnections, int maxPerIp) {
        this.maxConnections = maxConnections;
        this.maxPerIp = maxPerIp;
    }

    /** Takes a slot for a new connection from {@code ip}; false if a cap is reached (nothing taken). */
    public synchronized boolean tryAcquire(String ip) {
        int fromIp = openPerIp.getOrDefault(ip, 0);
        if (open >= maxConnections || fromIp >= maxPerIp) {
            return false;
        }
        open++;
        openPerIp.put(ip, fromIp + 1);
        return true;
    }

    /** Gives back the slot of a closed connection from {@code ip}. */
    public synchronized void release(String ip) {
        Integer fromIp = openPerIp.get(ip);
        if (fromIp == null) {
            throw new IllegalStateException("no open inbound connection from " + ip);
        }
        open--;
        if (fromIp == 1) {
            openPerIp.remove(ip);
        } else {
            openPerIp.put(ip, fromIp - 1);
        }
    }

    /** Open inbound connections. */
    public synchronized int open() {
        return open;
    }
}
