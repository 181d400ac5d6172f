package org.hn.node.auth;

/** A hello proof that does not prove the announced address ({@code docs/protocol.md §3.3}). */
public final class HelloProofException extends Exception {

    /** What is wrong with the proof. */
    public enum Reason {
        /** Not a 64-byte key and a 64-byte signature, or the key is not a point of secp256k1. */
        MALFORMED,
        /** The key does not derive the address of the hello string on this network. */
        KEY_NOT_ADDRESS,
        /** The signature does not verify over the transcript. */
        BAD_SIGNATURE
    }

    private final Reason reason;

    public HelloProofException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** What is wrong. */
    public Reason reason() {
        return reason;
    }
}
