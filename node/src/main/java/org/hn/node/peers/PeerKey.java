package org.hn.node.peers;

import java.net.InetSocketAddress;
import org.hn.node.wire.hello.HelloString;

/**
 * The reference's name for a peer connection ({@code spec/wire.md} conventions, §4.1 step 5): the peer's IP,
 * a colon, and the port it announced in its hello as 5 decimal digits left-padded with {@code 0}, e.g.
 * {@code 51.15.95.155:06969}. The inbound and outbound connection maps, {@code getheights} and the
 * {@code C.SYNC:}/{@code C.FAIL:} message params ({@code spec/chain.md §4.3}) all use this text.
 *
 * @param ip   the peer's IP address as text, e.g. {@code 51.15.95.155}
 * @param port the announced port, 0–65535 ({@code 0} for one-shot connections, {@code 101} for tools)
 */
public record PeerKey(String ip, int port) {

    /** @throws IllegalArgumentException if the IP is empty or the port outside 0–65535 */
    public PeerKey {
        if (ip == null || ip.isEmpty()) {
            throw new IllegalArgumentException("ip is required");
        }
        HelloString.formatPort(port);
    }

    /** The key of a peer at {@code remote} that announced {@code announcedPort} in its hello. */
    public static PeerKey of(InetSocketAddress remote, int announcedPort) {
        return new PeerKey(ipOf(remote), announcedPort);
    }

    /**
     * Parses the text form {@code ip:PPPPP}, splitting at the last colon.
     *
     * @throws IllegalArgumentException if there is no colon, or the port part is not 5 decimal digits
     */
    public static PeerKey parse(String text) {
        int colon = text.lastIndexOf(':');
        String portText = colon < 0 ? "" : text.substring(colon + 1);
        if (portText.length() != HelloString.PORT_DIGITS || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("peer key must be ip:PPPPP with a 5-digit port, got '" + text + "'");
        }
        return new PeerKey(text.substring(0, colon), Integer.parseInt(portText));
    }

    /** The IP text of a socket address, without any host name or zone lookup. */
    public static String ipOf(InetSocketAddress address) {
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }

    /** The key text, e.g. {@code 51.15.95.155:06969}. */
    @Override
    public String toString() {
        return ip + ":" + HelloString.formatPort(port);
    }
}
