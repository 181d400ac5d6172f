package org.hn.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.hn.chain.crypto.InvalidKeyException;
import org.hn.chain.crypto.PrivateKey;

/**
 * The keys benchmarks sign with: SHA-256 of a fixed label, so runs sign the same bytes (signatures use
 * deterministic RFC 6979 nonces) and figures are comparable between machines.
 */
final class BenchKey {

    /** Mainnet address id byte ({@code spec/chain.md §2.1}). */
    static final byte MAINNET = 0x19;

    private BenchKey() {
    }

    /** The key every benchmark signs with unless it needs several. */
    static PrivateKey create() {
        return create("hn-bench-key");
    }

    /** The key whose scalar is SHA-256 of the ASCII label. */
    static PrivateKey create(String label) {
        try {
            byte[] scalar = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.US_ASCII));
            return PrivateKey.fromBytes(scalar);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot build the benchmark key " + label, e);
        }
    }
}
