package org.hn.chain.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The secp256k1 domain, taken from Bouncy Castle's custom curve (fast field arithmetic and the GLV
 * endomorphism), shared by every key and signature.
 */
final class Secp256k1 {

    static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256k1");
    static final ECDomainParameters DOMAIN = new ECDomainParameters(
            PARAMETERS.getCurve(), PARAMETERS.getG(), PARAMETERS.getN(), PARAMETERS.getH());
    static final ECCurve CURVE = DOMAIN.getCurve();
    static final ECPoint G = DOMAIN.getG();
    static final BigInteger N = DOMAIN.getN();

    private Secp256k1() {
    }

    /** Writes a non-negative integer as exactly 32 big-endian bytes at {@code offset}. */
    static void writeScalar(BigInteger value, byte[] out, int offset) {
        byte[] magnitude = value.toByteArray();
        int start = magnitude.length > 32 ? magnitude.length - 32 : 0;
        int length = magnitude.length - start;
        System.arraycopy(magnitude, start, out, offset + 32 - length, length);
    }
}
