package org.hn.chain.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Unkeyed BLAKE2b with the digest size as a parameter ({@code spec/chain.md §1}).
 *
 * <p>The size is part of BLAKE2b's parameter block, so a 20-byte digest is not a prefix of the 64-byte
 * one.
 */
public final class Blake2b {

    private Blake2b() {
    }

    /** BLAKE2b-160 (20 bytes): block hashes, address hashes, ticket hashes. */
    public static byte[] hash160(byte[] data) {
        return digest(data, 0, data.length, 20);
    }

    /** BLAKE2b-32 (4 bytes): the address checksum. */
    public static byte[] hash32(byte[] data, int offset, int length) {
        return digest(data, offset, length, 4);
    }

    private static byte[] digest(byte[] data, int offset, int length, int sizeBytes) {
        Blake2bDigest digest = new Blake2bDigest(sizeBytes * 8);
        digest.update(data, offset, length);
        byte[] out = new byte[sizeBytes];
        digest.doFinal(out, 0);
        return out;
    }
}
