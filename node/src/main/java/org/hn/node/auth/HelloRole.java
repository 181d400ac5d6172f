package org.hn.node.auth;

/**
 * Which side of an authenticated hello signs ({@code docs/protocol.md §3}); its byte is part of the signed buffer so
 * that a server's proof can never be replayed as a client's, or the reverse.
 */
public enum HelloRole {
    /** The connecting side. */
    CLIENT((byte) 0x01),
    /** The answering side. */
    SERVER((byte) 0x02);

    private final byte code;

    HelloRole(byte code) {
        this.code = code;
    }

    /** The role byte in the signed buffer. */
    public byte code() {
        return code;
    }
}
