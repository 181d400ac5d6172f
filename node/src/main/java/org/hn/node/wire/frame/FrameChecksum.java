package org.hn.node.wire.frame;

import io.netty.buffer.ByteBuf;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The v2 frame checksum ({@code DESIGN.md §4}): the first 4 bytes of SHA-256(SHA-256(payload)), read as a
 * big-endian int.
 */
final class FrameChecksum {

    private FrameChecksum() {
    }

    /** Checksum of the payload's readable bytes; the buffer's indices are left untouched. */
    static int of(ByteBuf payload) {
        MessageDigest sha256 = newSha256();
        sha256.update(payload.nioBuffer());
        byte[] once = sha256.digest();
        byte[] twice = sha256.digest(once);
        return ((twice[0] & 0xff) << 24) | ((twice[1] & 0xff) << 16) | ((twice[2] & 0xff) << 8) | (twice[3] & 0xff);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest contract).
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
