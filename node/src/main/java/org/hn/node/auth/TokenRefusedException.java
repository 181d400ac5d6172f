package org.hn.node.auth;

/** A client token that cannot be used, and why. */
public final class TokenRefusedException extends Exception {

    private final TokenRefusal refusal;

    /**
     * @param refusal the typed reason
     * @param detail  what exactly is wrong, for the log (never the token itself)
     */
    public TokenRefusedException(TokenRefusal refusal, String detail) {
        super(refusal + ": " + detail);
        this.refusal = refusal;
    }

    /** The typed reason. */
    public TokenRefusal refusal() {
        return refusal;
    }
}
