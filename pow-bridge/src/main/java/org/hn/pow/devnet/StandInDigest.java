package org.hn.pow.devnet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic stand-ins for values hypernode logic never verifies (block hashes, signatures, keys, devnet
 * addresses): a digest of a label.
 */
final class StandInDigest {

    private StandInDigest() {
    }

    /** Digest of the label's UTF-8 bytes with a JDK algorithm (SHA-1, SHA-224, SHA-256). */
    static byte[] of(String algorithm, String label) {
        try {
            return MessageDigest.getInstance(algorithm).digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + algorithm, e);
        }
    }

    /** {@link #of} as lowercase hex. */
    static String hex(String algorithm, String label) {
        return HexFormat.of().formatHex(of(algorithm, label));
    }
}
