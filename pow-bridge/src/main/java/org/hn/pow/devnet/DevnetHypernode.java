package org.hn.pow.devnet;

import java.util.Objects;

/**
 * One local hypernode to register on a devnet ledger.
 *
 * @param ip         dotted-quad IPv4 address it listens on
 * @param port       its port
 * @param posAddress its 34-character PoS address (network byte of the devnet)
 */
public record DevnetHypernode(String ip, int port, String posAddress) {

    public DevnetHypernode {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(posAddress, "posAddress");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * The i-th local hypernode: IP {@code 127.0.0.(1+i)}, port {@code portBase + i}. Each gets its own loopback IP
     * because the registration rules allow one hypernode per IP whatever the port ({@code spec/pow.md §5.4}); on
     * Linux the whole 127.0.0.0/8 reaches the loopback interface.
     *
     * @param index 0–253
     */
    public static DevnetHypernode loopback(int index, int portBase, String posAddress) {
        if (index < 0 || index > 253) {
            throw new IllegalArgumentException("loopback index out of range: " + index);
        }
        return new DevnetHypernode("127.0.0." + (index + 1), portBase + index, posAddress);
    }

    /** The registration openfield of {@code spec/pow.md §4.1} for a collateral address. */
    public String registrationOpenfield(String collateralAddress) {
        return ip + ":" + port + ":" + posAddress + ",source=" + collateralAddress;
    }
}
