package org.hn.node.auth;

import java.time.Instant;

/**
 * A client token whose signature, issuer and expiry were checked by {@link Tokens#verify}.
 *
 * @param scope     what it allows
 * @param subject   who it was issued to ({@code sub}), free text
 * @param id        its {@code jti}
 * @param issuedAt  {@code iat}, whole seconds
 * @param expiresAt {@code exp}, whole seconds; the token is refused from that instant on
 */
public record VerifiedToken(TokenScope scope, String subject, String id, Instant issuedAt, Instant expiresAt) {

    /**
     * Checks that the token allows a command.
     *
     * @param needed the scope the command needs
     * @throws TokenRefusedException {@link TokenRefusal#UNDER_SCOPED} when {@link #scope} does not include it
     */
    public void require(TokenScope needed) throws TokenRefusedException {
        if (!scope.includes(needed)) {
            throw new TokenRefusedException(TokenRefusal.UNDER_SCOPED,
                    "scope " + scope.claim() + " does not include " + needed.claim());
        }
    }
}
