package org.hn.registry.registration;

import java.util.Locale;
import org.hn.config.Network;

/**
 * Which registration rules a network applies ({@code spec/pow.md §5.5}); identical on every node of a network,
 * since it decides the hypernode list.
 */
public enum RuleProfile {
    /** The reference's rules exactly: weight 0 or −1 registrations kept, the port an opaque string. */
    COMPAT,
    /**
     * The careful column of §5.5: collateral below 10000 BIS rejected ({@code LOW_COLLATERAL}), port a decimal
     * 1–65535 ({@code BAD_PORT}), balances with a missing side counted as 0. Switching to it is a protocol change.
     */
    STRICT;

    /**
     * The profile a network runs by default: {@link #COMPAT} where reference hypernodes share the network
     * (mainnet, testnet), {@link #STRICT} on a devnet, where every node is ours.
     */
    public static RuleProfile defaultFor(Network network) {
        return network == Network.DEVNET ? STRICT : COMPAT;
    }

    /**
     * The profile named by the {@code REGISTRY_PROFILE} setting: {@code auto} ({@link #defaultFor} the network),
     * {@code compat} or {@code strict}, case-insensitive.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static RuleProfile ofSetting(String value, Network network) {
        return "auto".equalsIgnoreCase(value) ? defaultFor(network) : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
