package org.hn.pow.address;

/**
 * Syntactic validity of a PoW (Bismuth) address, the rule of the {@code polysign} library
 * ({@code spec/pow.md §2.5}). No checksum exists to verify.
 */
public final class PowAddress {

    /** The PoW control address: forced unregistrations and colored lists ({@code spec/pow.md §4.2, §8.1}). */
    public static final String CONTROL = "cf2562488992997dff3658e455701589678d0e966a79e2a037cbb2ff";
    /** Genesis/development address, credited by the {@code Development Reward} mirror rows ({@code §2.3}). */
    public static final String DEVELOPMENT = "4edadac9093d9326ee4b17f869b14f1a2534f96f9c5d7b48dc9acaed";
    /** Hypernode reward pot, credited by the {@code Hypernode Payouts} mirror rows ({@code §2.3, §10}). */
    public static final String HYPERNODE_POT = "3e08b5538a4509d9daa99e01ca5912cda3e98a7f79ca01248c2bde16";

    private static final String BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int LEGACY_LENGTH = 56;
    private static final String ECDSA_PREFIX = "Bis1";
    private static final int MIN_PREFIXED_LENGTH = 32;
    private static final int MAX_PREFIXED_LENGTH = 56;
    // Between the ECDSA (32–49) and ED25519 (51–56) ranges; polysign rejects it.
    private static final int REJECTED_PREFIXED_LENGTH = 50;

    private PowAddress() {
    }

    /**
     * True for 56 lowercase hex characters (legacy RSA) or {@code Bis1} followed by base58 characters with a total
     * length of 32–49 or 51–56. Null is invalid.
     */
    public static boolean isValid(String address) {
        if (address == null) {
            return false;
        }
        if (address.length() == LEGACY_LENGTH && isLowerHex(address)) {
            return true;
        }
        int length = address.length();
        return address.startsWith(ECDSA_PREFIX)
                && length >= MIN_PREFIXED_LENGTH && length <= MAX_PREFIXED_LENGTH
                && length != REJECTED_PREFIXED_LENGTH
                && isBase58(address.substring(ECDSA_PREFIX.length()));
    }

    private static boolean isLowerHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase58(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (BASE58_ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
