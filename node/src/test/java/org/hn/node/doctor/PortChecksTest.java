package org.hn.node.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real sockets on loopback, ports from this task's range. */
class PortChecksTest {

    private static final int LISTENING = 18210;
    private static final int CLOSED = 18211;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Test
    void aListeningPortIsOk() throws IOException {
        try (ServerSocket server = new ServerSocket(LISTENING, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(Finding.ok("port", "something listens on 127.0.0.1:" + LISTENING),
                    new ListeningPortCheck(loopback(LISTENING), TIMEOUT).run());
            assertEquals(Finding.ok("public-port", "peers can connect to 127.0.0.1:" + LISTENING),
                    new PublicPortCheck(loopback(LISTENING), LISTENING, TIMEOUT).run());
        }
    }

    @Test
    void nothingListeningWarns() {
        Finding local = new ListeningPortCheck(loopback(CLOSED), TIMEOUT).run();
        assertEquals(Verdict.WARN, local.verdict());
        assertTrue(local.summary().startsWith("nothing accepts connections on 127.0.0.1:" + CLOSED + " ("),
                local.summary());
        assertEquals("start the node ('hn run --data DIR'); if it runs, compare BIND and PORT in hn.conf with its log",
                local.fix());
        Finding remote = new PublicPortCheck(loopback(CLOSED), CLOSED, TIMEOUT).run();
        assertEquals(Verdict.WARN, remote.verdict());
        assertEquals("open TCP port " + CLOSED + " in the firewall ('sudo ufw allow " + CLOSED + "/tcp') and forward it"
                + " on the router to this machine", remote.fix());
    }

    @Test
    void withoutAPublicAddressReachabilityIsUnknown() {
        assertEquals(Finding.unknown("public-port", "reachability from the Internet not tested",
                "give the registered IP with --public-address, or try 'nc -vz IP 6969' from another network"),
                new PublicPortCheck(null, 6969, TIMEOUT).run());
    }

    @Test
    void anUnresolvedAddressWarnsWithoutConnecting() {
        Finding finding = new ListeningPortCheck(InetSocketAddress.createUnresolved("no-such-host", 6969), TIMEOUT).run();
        assertEquals("nothing accepts connections on no-such-host:6969 (cannot resolve no-such-host)", finding.summary());
    }
}
