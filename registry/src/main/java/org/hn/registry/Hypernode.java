package org.hn.registry;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One registered hypernode, as the registration fold yields it ({@code spec/pow.md §5.4, §5.6}).
 *
 * @param registrar     PoW address that paid the collateral and registered (the fold's key)
 * @param ip            dotted-quad IPv4 address as registered
 * @param port          port as registered, an opaque string in the compat profile (for example {@code "6969"})
 * @param posAddress    34-character PoS address the hypernode signs with
 * @param rewardAddress PoW address that receives the rewards
 * @param weight        collateral weight 0–3 (compat allows 0 or below: such a hypernode gets no ticket)
 * @param timestamp     unix seconds of the registration transaction, exact as stored in the ledger
 * @param active        false when the activity filter of {@code spec/rounds.md §5.4} marked it inactive
 */
public record Hypernode(
        String registrar,
        String ip,
        String port,
        String posAddress,
        String rewardAddress,
        int weight,
        BigDecimal timestamp,
        boolean active) {

    public Hypernode {
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(posAddress, "posAddress");
        Objects.requireNonNull(rewardAddress, "rewardAddress");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The same hypernode with the activity flag set as given. */
    public Hypernode withActive(boolean isActive) {
        return new Hypernode(registrar, ip, port, posAddress, rewardAddress, weight, timestamp, isActive);
    }
}
