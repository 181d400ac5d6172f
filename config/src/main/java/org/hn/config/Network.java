package org.hn.config;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The three networks a node can join, with their consensus parameters.
 *
 * <p>Mainnet and testnet values are the reference's ({@code spec/rounds.md §1.1}); devnet keeps the
 * same shape with short slots so that a whole round lasts two minutes. Frame magics are ours
 * ({@code DESIGN.md §4}).
 */
public enum Network {
    MAINNET((byte) 0x19, 1_534_716_000L, 180, "b15b484e"),
    TESTNET((byte) 0x55, 1_534_716_000L, 180, "b15b4854"),
    DEVNET((byte) 0x55, 1_534_716_000L, 6, "b15b4844");

    /** Forging slots per round (slots 0–18), {@code MAX_ROUND_SLOTS}. */
    public static final int FORGING_SLOTS = 19;
    /** Slots per round including the end-of-round slot without forger (slot 19). */
    public static final int SLOTS_PER_ROUND = FORGING_SLOTS + 1;
    /** Posnet versions accepted from peers by default ({@code POSNET_ALLOW}, rainbow-tunable). */
    public static final List<String> LEGACY_POSNETS = List.of("posnet0002", "posnet0003", "posnet0004");

    private final byte networkId;
    private final long originOfTime;
    private final int slotSeconds;
    private final byte[] frameMagic;

    Network(byte networkId, long originOfTime, int slotSeconds, String frameMagicHex) {
        this.networkId = networkId;
        this.originOfTime = originOfTime;
        this.slotSeconds = slotSeconds;
        this.frameMagic = HexFormat.of().parseHex(frameMagicHex);
    }

    /** Address prefix byte ({@code spec/chain.md §2.1}): 0x19 on mainnet, 0x55 on testnet and devnet. */
    public byte networkId() {
        return networkId;
    }

    /** Unix seconds of round 0, slot 0 ({@code ORIGIN_OF_TIME}). */
    public long originOfTime() {
        return originOfTime;
    }

    /** Length of one slot in seconds. */
    public int slotSeconds() {
        return slotSeconds;
    }

    /** Length of one round in seconds: slot length × 20. */
    public long roundSeconds() {
        return (long) slotSeconds * SLOTS_PER_ROUND;
    }

    /** The 4-byte magic that starts every v2 frame on this network; a fresh copy. */
    public byte[] frameMagic() {
        return frameMagic.clone();
    }

    /**
     * Round of a unix time, with mathematical floor so that times before the origin give negative
     * rounds ({@code spec/rounds.md §2}).
     *
     * @param unixSeconds time in seconds, fractional allowed
     */
    public long roundAt(double unixSeconds) {
        return (long) Math.floor((unixSeconds - originOfTime) / roundSeconds());
    }

    /** Slot (0–19) of a unix time within its round ({@code spec/rounds.md §2}). */
    public int slotAt(double unixSeconds) {
        double intoRound = unixSeconds - roundStart(roundAt(unixSeconds));
        return (int) Math.floor(intoRound / slotSeconds);
    }

    /** Unix seconds at which a round starts: origin + round × round length. */
    public long roundStart(long round) {
        return originOfTime + round * roundSeconds();
    }

    /** Lower-case name used on the command line and in files ({@code mainnet}, {@code testnet}, {@code devnet}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a network name as given on the command line.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Network fromId(String id) {
        for (Network network : values()) {
            if (network.id().equalsIgnoreCase(id.trim())) {
                return network;
            }
        }
        throw new IllegalArgumentException("unknown network '" + id + "' (expected mainnet, testnet or devnet)");
    }
}
