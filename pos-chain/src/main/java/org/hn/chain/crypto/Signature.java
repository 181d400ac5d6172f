package org.hn.chain.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An ECDSA signature in the chain's raw form: 64 bytes, r ‖ s, each 32 bytes big-endian
 * ({@code spec/chain.md §3.2}). High s values are valid and never normalised (§3.3).
 */
public final class Signature {

    /** Encoded length in bytes. */
    public static final int LENGTH = 64;

    private final byte[] encoded;

    private Signature(byte[] encoded) {
        this.encoded = encoded;
    }

    /**
     * Wraps 64 raw bytes (copied).
     *
     * @throws IllegalArgumentException when the length is not 64
     */
    public static Signature fromBytes(byte[] rs) {
        if (rs.length != LENGTH) {
            throw new IllegalArgumentException("a signature is 64 bytes (r‖s), got " + rs.length);
        }
        return new Signature(rs.clone());
    }

    static Signature of(BigInteger r, BigInteger s) {
        byte[] out = new byte[LENGTH];
        Secp256k1.writeScalar(r, out, 0);
        Secp256k1.writeScalar(s, out, 32);
        return new Signature(out);
    }

    public BigInteger r() {
        return new BigInteger(1, Arrays.copyOfRange(encoded, 0, 32));
    }

    public BigInteger s() {
        return new BigInteger(1, Arrays.copyOfRange(encoded, 32, 64));
    }

    /** The 64 raw bytes r ‖ s (a copy). */
    public byte[] toBytes() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signature that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(encoded);
    }
}
