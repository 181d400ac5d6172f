package org.hn.chain.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A secp256k1 private key: a 32-byte big-endian scalar in 1 … n−1 ({@code spec/chain.md §3.2}).
 *
 * <p>Signatures use SHA-1 as the message digest and a deterministic RFC 6979 nonce computed with
 * HMAC-SHA1, which gives the same bytes as production reference nodes (§3.3); s is not normalised.
 */
public final class PrivateKey {

    /** Encoded length in bytes. */
    public static final int LENGTH = 32;

    private final BigInteger scalar;
    private final ECPrivateKeyParameters parameters;
    private final PublicKey publicKey;

    private PrivateKey(BigInteger scalar) {
        this.scalar = scalar;
        this.parameters = new ECPrivateKeyParameters(scalar, Secp256k1.DOMAIN);
        this.publicKey = PublicKey.fromPoint(new FixedPointCombMultiplier().multiply(Secp256k1.G, scalar));
    }

    /**
     * Parses 32 raw bytes.
     *
     * @throws InvalidKeyException when the length is not 32 or the scalar is 0 or not below n
     */
    public static PrivateKey fromBytes(byte[] scalarBytes) throws InvalidKeyException {
        if (scalarBytes.length != LENGTH) {
            throw new InvalidKeyException("a private key is 32 bytes, got " + scalarBytes.length);
        }
        BigInteger scalar = new BigInteger(1, scalarBytes);
        if (scalar.signum() == 0 || scalar.compareTo(Secp256k1.N) >= 0) {
            throw new InvalidKeyException("private key is not in 1 … n−1 of secp256k1");
        }
        return new PrivateKey(scalar);
    }

    /** A new key drawn from {@code random}. */
    public static PrivateKey generate(SecureRandom random) {
        BigInteger scalar;
        do {
            scalar = new BigInteger(256, random);
        } while (scalar.signum() == 0 || scalar.compareTo(Secp256k1.N) >= 0);
        return new PrivateKey(scalar);
    }

    /** The matching public key. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * Signs SHA-1 of {@code message} with an RFC 6979 (HMAC-SHA1) nonce.
     *
     * @param message the buffer to sign, not its digest
     */
    public Signature sign(byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA1Digest()));
        signer.init(true, parameters);
        BigInteger[] rs = signer.generateSignature(Sha1.digest(message));
        return Signature.of(rs[0], rs[1]);
    }

    /** The 32 raw bytes of the scalar. */
    public byte[] toBytes() {
        byte[] out = new byte[LENGTH];
        Secp256k1.writeScalar(scalar, out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "PrivateKey[public=" + publicKey + "]";
    }
}
