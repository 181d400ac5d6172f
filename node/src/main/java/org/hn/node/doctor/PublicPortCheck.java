package org.hn.node.doctor;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * {@code public-port}: whether the peer port accepts connections at the address the node is registered with,
 * as peers would connect. Without a public address to try it is {@link Verdict#UNKNOWN}: from inside the machine
 * the doctor cannot see the router or the provider's firewall. From inside a home network a router without NAT
 * loopback refuses even a port that works from outside, so a refusal is a warning.
 */
public final class PublicPortCheck implements Check {

    private final InetSocketAddress publicAddress;
    private final int port;
    private final Duration timeout;

    /**
     * @param publicAddress where peers connect, or null when not known
     * @param port          the peer port, for the advice when no address is known
     * @param timeout       connect bound
     */
    public PublicPortCheck(InetSocketAddress publicAddress, int port, Duration timeout) {
        this.publicAddress = publicAddress;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "public-port";
    }

    @Override
    public Finding run() {
        String fix = "open TCP port " + port + " in the firewall ('sudo ufw allow " + port + "/tcp') and forward it"
                + " on the router to this machine";
        if (publicAddress == null) {
            return Finding.unknown(name(), "reachability from the Internet not tested",
                    "give the registered IP with --public-address, or try 'nc -vz IP " + port + "' from another network");
        }
        String where = TcpProbe.describe(publicAddress);
        String refusal = TcpProbe.refusal(publicAddress, timeout);
        if (refusal == null) {
            return Finding.ok(name(), "peers can connect to " + where);
        }
        return Finding.warn(name(), "no connection to " + where + " (" + refusal + ")", fix);
    }
}
