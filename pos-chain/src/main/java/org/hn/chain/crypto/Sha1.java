package org.hn.chain.crypto;

import org.bouncycastle.crypto.digests.SHA1Digest;

/** SHA-1, the message digest of every signature on this chain ({@code spec/chain.md §3.1}). */
public final class Sha1 {

    private Sha1() {
    }

    /** The 20-byte SHA-1 of {@code data}. */
    public static byte[] digest(byte[] data) {
        SHA1Digest digest = new SHA1Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[20];
        digest.doFinal(out, 0);
        return out;
    }
}
