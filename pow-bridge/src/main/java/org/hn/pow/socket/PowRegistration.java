package org.hn.pow.socket;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One entry of the {@code regs} object of an {@code HN_reg_round} answer ({@code spec/pow.md §5.6}).
 *
 * @param registrar PoW address (the key in {@code regs})
 * @param ip        dotted quad
 * @param port      as registered, an opaque string
 * @param pos       PoS address
 * @param reward    PoW reward address
 * @param weight    collateral weight, possibly 0 or negative in the reference
 * @param timestamp the registration transaction's timestamp, unix seconds, exact as sent
 * @param active    always true from the PoW node
 */
public record PowRegistration(String registrar, String ip, String port, String pos, String reward, int weight,
                              BigDecimal timestamp, boolean active) {

    public PowRegistration {
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
