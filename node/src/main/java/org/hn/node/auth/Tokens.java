package org.hn.node.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Issues and verifies the client tokens of this node ({@code DESIGN.md §4}, {@code docs/protocol.md §2}): compact
 * JWS, HS256 with the {@link NodeSecret}, claims {@code iss} (our PoS address), {@code sub}, {@code scope}
 * ({@code read} or {@code admin}), {@code iat} and {@code exp} (unix seconds) and a random {@code jti}.
 *
 * <p>A token is valid while {@code now < exp} (RFC 7519 §4.1.4), with no clock skew: the node that verifies is
 * the one that issued. Time comes from the injected clock. Thread-safe.
 */
public final class Tokens {

    /**
     * What precedes a token in the {@code hello} that presents it after the session's hello
     * ({@code docs/protocol.md §2}): {@code Command{hello, string_value="token:" + jwt}}.
     */
    public static final String WIRE_PREFIX = "token:";
    /** Tokens longer than this are refused as malformed before parsing; ours are about 250 characters. */
    public static final int MAX_LENGTH = 2048;

    private static final String SCOPE_CLAIM = "scope";

    private final NodeSecret secret;
    private final String issuer;
    private final Clock clock;
    private final JwtParser parser;

    /**
     * @param secret the node's HS256 key
     * @param issuer our PoS address, the {@code iss} of every token we issue and accept
     * @param clock  time of issue and of verification
     */
    public Tokens(NodeSecret secret, String issuer, Clock clock) {
        this.secret = secret;
        this.issuer = issuer;
        this.clock = clock;
        this.parser = Jwts.parser()
                .verifyWith(secret.key())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /**
     * Issues a token.
     *
     * @param scope   what it allows
     * @param ttl     lifetime, at least one second; {@code exp} = {@code iat} + ttl in whole seconds
     * @param subject who it is for (an operator or tool name), not blank
     * @return the compact JWS text
     * @throws IllegalArgumentException when ttl is under a second or the subject is blank
     */
    public String issue(TokenScope scope, Duration ttl, String subject) {
        if (ttl.getSeconds() < 1 || subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a lifetime of at least 1 s and a subject, got " + ttl
                    + " and '" + subject + "'");
        }
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        return Jwts.builder()
                .issuer(issuer)
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(issuedAt.plusSeconds(ttl.getSeconds())))
                .claim(SCOPE_CLAIM, scope.claim())
                .signWith(secret.key(), Jwts.SIG.HS256)
                .compact();
    }

    /**
     * Verifies a token: signature by our secret with HS256, issuer, expiry at the clock's time, and the claims
     * we always set.
     *
     * @throws TokenRefusedException {@link TokenRefusal#MALFORMED}, {@link TokenRefusal#FOREIGN} or
     *                               {@link TokenRefusal#EXPIRED}; the signature is checked before anything else,
     *                               so a forged token is {@code FOREIGN} whatever its claims
     */
    public VerifiedToken verify(String token) throws TokenRefusedException {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw new TokenRefusedException(TokenRefusal.MALFORMED,
                    "token of " + (token == null ? 0 : token.length()) + " characters");
        }
        Claims claims;
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            if (!Jwts.SIG.HS256.getId().equals(jws.getHeader().getAlgorithm())) {
                throw new TokenRefusedException(TokenRefusal.FOREIGN, "signed with " + jws.getHeader().getAlgorithm());
            }
            claims = jws.getPayload();
        } catch (ExpiredJwtException e) {
            throw new TokenRefusedException(TokenRefusal.EXPIRED, "expired at " + e.getClaims().getExpiration().toInstant());
        } catch (SecurityException | UnsupportedJwtException e) {
            // A bad signature, an algorithm other than HS256 (our key is too short for the others), or an unsigned
            // or encrypted token: none of them was issued by this node.
            throw new TokenRefusedException(TokenRefusal.FOREIGN, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (JwtException | IllegalArgumentException e) {
            throw new TokenRefusedException(TokenRefusal.MALFORMED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new TokenRefusedException(TokenRefusal.FOREIGN, "issued by " + claims.getIssuer());
        }
        Date issuedAt;
        Date expiration;
        TokenScope scope;
        try {
            issuedAt = claims.getIssuedAt();
            expiration = claims.getExpiration();
            Object scopeClaim = claims.get(SCOPE_CLAIM);
            scope = scopeClaim instanceof String text ? TokenScope.fromClaim(text).orElse(null) : null;
        } catch (JwtException | IllegalArgumentException e) {
            throw new TokenRefusedException(TokenRefusal.MALFORMED, "a claim has the wrong type: " + e.getMessage());
        }
        if (issuedAt == null || expiration == null || scope == null || claims.getId() == null
                || claims.getSubject() == null) {
            throw new TokenRefusedException(TokenRefusal.MALFORMED, "a claim is missing or the scope is unknown");
        }
        Instant expiresAt = expiration.toInstant();
        if (!clock.instant().isBefore(expiresAt)) {
            // JJWT accepts the token during the very instant of exp; RFC 7519 §4.1.4 does not.
            throw new TokenRefusedException(TokenRefusal.EXPIRED, "expired at " + expiresAt);
        }
        return new VerifiedToken(scope, claims.getSubject(), claims.getId(), issuedAt.toInstant(), expiresAt);
    }
}
