package org.hn.chain.crypto;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ECDSA public-key recovery: the keys that could have produced a signature over a message
 * ({@code spec/chain.md §6.4} step 2). Block headers name the forger by address only, so a block's
 * signature is checked by recovering the candidate keys and deriving their addresses.
 */
public final class KeyRecovery {

    private KeyRecovery() {
    }

    /**
     * The public keys (zero to four) for which {@code signature} verifies over SHA-1 of {@code message}.
     *
     * @param message the signed buffer, not its digest
     */
    public static List<PublicKey> candidates(byte[] message, Signature signature) {
        BigInteger r = signature.r();
        BigInteger s = signature.s();
        List<PublicKey> keys = new ArrayList<>(2);
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(Secp256k1.N) >= 0 || s.compareTo(Secp256k1.N) >= 0) {
            return keys;
        }
        BigInteger e = new BigInteger(1, Sha1.digest(message));
        BigInteger rInverse = r.modInverse(Secp256k1.N);
        BigInteger fieldSize = Secp256k1.CURVE.getField().getCharacteristic();
        for (BigInteger x = r; x.compareTo(fieldSize) < 0; x = x.add(Secp256k1.N)) {
            for (int parity = 0; parity < 2; parity++) {
                ECPoint candidateR = decompress(x, parity);
                if (candidateR == null) {
                    continue;
                }
                // Q = r⁻¹ (s·R − e·G)
                ECPoint q = ECAlgorithms.sumOfTwoMultiplies(
                        candidateR, s.multiply(rInverse).mod(Secp256k1.N),
                        Secp256k1.G, e.negate().multiply(rInverse).mod(Secp256k1.N));
                if (!q.isInfinity()) {
                    keys.add(PublicKey.fromPoint(q));
                }
            }
        }
        return keys;
    }

    private static ECPoint decompress(BigInteger x, int parity) {
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (2 + parity);
        Secp256k1.writeScalar(x, compressed, 1);
        try {
            return Secp256k1.CURVE.decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            return null;
        }
    }
}
