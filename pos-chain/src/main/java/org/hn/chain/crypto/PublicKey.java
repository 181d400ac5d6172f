package org.hn.chain.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.WNafUtil;

/**
 * A secp256k1 public key in the chain's raw form: 64 bytes x ‖ y, each 32 bytes big-endian and
 * left-padded, no prefix ({@code spec/chain.md §3.2}). The point is checked to lie on the curve when the
 * key is built, so a verification never parses it again.
 */
public final class PublicKey {

    private static final LongAdder VERIFICATIONS = new LongAdder();

    /** Encoded length in bytes. */
    public static final int LENGTH = 64;

    private final byte[] encoded;
    private final ECPublicKeyParameters parameters;

    private PublicKey(byte[] encoded, ECPoint point) {
        this.encoded = encoded;
        this.parameters = new ECPublicKeyParameters(point, Secp256k1.DOMAIN);
    }

    /**
     * Parses 64 raw bytes x ‖ y (copied).
     *
     * @throws InvalidKeyException when the length is not 64 or the point is not on secp256k1
     */
    public static PublicKey fromBytes(byte[] xy) throws InvalidKeyException {
        if (xy.length != LENGTH) {
            throw new InvalidKeyException("a public key is 64 bytes (x‖y), got " + xy.length);
        }
        ECPoint point;
        try {
            point = Secp256k1.CURVE.createPoint(
                    new BigInteger(1, Arrays.copyOfRange(xy, 0, 32)),
                    new BigInteger(1, Arrays.copyOfRange(xy, 32, 64)));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("public key coordinates are outside the field", e);
        }
        if (!point.isValid()) {
            throw new InvalidKeyException("public key is not a point of secp256k1");
        }
        return new PublicKey(xy.clone(), point);
    }

    static PublicKey fromPoint(ECPoint point) {
        ECPoint normalized = point.normalize();
        byte[] xy = new byte[LENGTH];
        Secp256k1.writeScalar(normalized.getAffineXCoord().toBigInteger(), xy, 0);
        Secp256k1.writeScalar(normalized.getAffineYCoord().toBigInteger(), xy, 32);
        return new PublicKey(xy, normalized);
    }

    /**
     * Verifies an ECDSA signature whose digest is SHA-1 of {@code message} ({@code spec/chain.md §3.4}).
     * High s values verify; r and s outside 1 … n−1 do not.
     *
     * @param message the signed buffer, not its digest
     */
    public boolean verify(byte[] message, Signature signature) {
        return verifyDigest(Sha1.digest(message), signature);
    }

    /** As {@link #verify} for a message whose 20-byte SHA-1 digest is already known. */
    public boolean verifyDigest(byte[] sha1Digest, Signature signature) {
        VERIFICATIONS.increment();
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, parameters);
        return verifier.verifySignature(sha1Digest, signature.r(), signature.s());
    }

    /**
     * Signature verifications run by this process so far, valid or not: the node's metrics read it, and the crypto
     * stays free of any metrics library.
     */
    /**
     * Makes later verifications with this key about 10% faster (docs/benchmarks.md, issue 9) by letting Bouncy
     * Castle keep a wider table of multiples of the point with it: about 38 kB instead of 4 kB, so only for keys that
     * verify many messages. The table is built on the next verification. Thread-safe.
     */
    public void widenTable() {
        WNafUtil.configureBasepoint(parameters.getQ());
    }

    public static long verificationCount() {
        return VERIFICATIONS.sum();
    }

    /** The 64 raw bytes x ‖ y (a copy). */
    public byte[] toBytes() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicKey that && Arrays.equals(encoded, that.encoded);
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
