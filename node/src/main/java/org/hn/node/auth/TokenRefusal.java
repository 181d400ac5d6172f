package org.hn.node.auth;

/** Why a client token is not accepted ({@code DESIGN.md §4}, {@code docs/protocol.md §2}). */
public enum TokenRefusal {
    /** Not a compact JWS with the claims this node issues ({@code iss}, {@code scope}, {@code iat}, {@code exp}, {@code jti}). */
    MALFORMED,
    /** Signed with another secret or algorithm, unsigned, or issued by another PoS address. */
    FOREIGN,
    /** Its {@code exp} is now or past. */
    EXPIRED,
    /** Valid, but its scope does not include what the command needs. */
    UNDER_SCOPED
}
