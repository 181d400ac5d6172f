package org.hn.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.crypto.spec.SecretKeySpec;
import org.hn.chain.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

    private static final String ME = "BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J";
    private static final String OTHER = "BGNtrw8ybLxtTgZ1rTzSr1trTYD5MEfcjD";
    private static final Instant START = Instant.ofEpochSecond(1_700_000_000L, 400_000_000);

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;

    private final TestClock clock = new TestClock(START);

    private NodeSecret secret() throws NodeSecretException {
        return NodeSecret.loadOrCreate(dataDir, new SecureRandom());
    }

    private static TokenRefusal refusal(Tokens tokens, String token) {
        return assertThrows(TokenRefusedException.class, () -> tokens.verify(token)).refusal();
    }

    private static JsonNode part(String token, int index) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }

    @Test
    void issuedTokenCarriesTheClaimsInWholeSecondsAndVerifies() throws Exception {
        Tokens tokens = new Tokens(secret(), ME, clock);
        String token = tokens.issue(TokenScope.READ, Duration.ofMinutes(10), "monitoring");

        assertEquals("HS256", part(token, 0).get("alg").asText());
        JsonNode claims = part(token, 1);
        assertEquals(ME, claims.get("iss").asText());
        assertEquals("monitoring", claims.get("sub").asText());
        assertEquals("read", claims.get("scope").asText());
        assertEquals(1_700_000_000L, claims.get("iat").asLong());
        assertEquals(1_700_000_600L, claims.get("exp").asLong());
        assertEquals(36, claims.get("jti").asText().length());

        VerifiedToken verified = tokens.verify(token);
        assertEquals(new VerifiedToken(TokenScope.READ, "monitoring", claims.get("jti").asText(),
                Instant.ofEpochSecond(1_700_000_000L), Instant.ofEpochSecond(1_700_000_600L)), verified);
        assertNotEquals(claims.get("jti").asText(), part(tokens.issue(TokenScope.READ, Duration.ofMinutes(10), "monitoring"), 1)
                .get("jti").asText());
    }

    @Test
    void aTokenExpiresAtItsExpSecondExactly() throws Exception {
        Tokens tokens = new Tokens(secret(), ME, clock);
        String token = tokens.issue(TokenScope.ADMIN, Duration.ofSeconds(60), "operator");
        clock.advance(Duration.ofMillis(59_599));   // 1_700_000_059.999
        assertEquals(TokenScope.ADMIN, tokens.verify(token).scope());
        clock.advance(Duration.ofMillis(1));        // 1_700_000_060.000 = exp
        assertEquals(TokenRefusal.EXPIRED, refusal(tokens, token));
        clock.advance(Duration.ofDays(1));
        assertEquals(TokenRefusal.EXPIRED, refusal(tokens, token));
    }

    @Test
    void anotherSecretOrAnotherIssuerIsForeign() throws Exception {
        NodeSecret ours = secret();
        Tokens tokens = new Tokens(ours, ME, clock);
        Tokens otherNode = new Tokens(NodeSecret.loadOrCreate(otherDataDir, new SecureRandom()), ME, clock);
        Tokens otherIssuer = new Tokens(ours, OTHER, clock);
        assertEquals(TokenRefusal.FOREIGN, refusal(tokens, otherNode.issue(TokenScope.ADMIN, Duration.ofHours(1), "x")));
        assertEquals(TokenRefusal.FOREIGN, refusal(tokens, otherIssuer.issue(TokenScope.ADMIN, Duration.ofHours(1), "x")));
        // Expired and forged: the signature is what is wrong.
        String forgedExpired = otherNode.issue(TokenScope.READ, Duration.ofSeconds(1), "x");
        clock.advance(Duration.ofHours(2));
        assertEquals(TokenRefusal.FOREIGN, refusal(tokens, forgedExpired));
    }

    @Test
    void unsignedAndOtherAlgorithmTokensAreForeign() throws Exception {
        Tokens tokens = new Tokens(secret(), ME, clock);
        String valid = tokens.issue(TokenScope.ADMIN, Duration.ofHours(1), "x");
        String payload = valid.split("\\.")[1];
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.US_ASCII)) + "." + payload + ".";
        assertEquals(TokenRefusal.FOREIGN, refusal(tokens, none));
        byte[] longKey = new byte[64];
        String hs512 = Jwts.builder().issuer(ME).subject("x").id("1").claim("scope", "admin")
                .issuedAt(Date.from(START)).expiration(Date.from(START.plusSeconds(3600)))
                .signWith(new SecretKeySpec(longKey, "HmacSHA512"), Jwts.SIG.HS512).compact();
        assertEquals(TokenRefusal.FOREIGN, refusal(tokens, hs512));
        // Our header and claims with the first signature character changed (the last one carries padding bits).
        int signatureStart = valid.lastIndexOf('.') + 1;
        char first = valid.charAt(signatureStart);
        String tampered = valid.substring(0, signatureStart) + (first == 'A' ? 'B' : 'A') + valid.substring(signatureStart + 1);
        assertEquals(TokenRefusal.FOREIGN, refusal(tokens, tampered));
    }

    @Test
    void garbageAndTokensWithoutOurClaimsAreMalformed() throws Exception {
        NodeSecret ours = secret();
        Tokens tokens = new Tokens(ours, ME, clock);
        assertEquals(TokenRefusal.MALFORMED, refusal(tokens, ""));
        assertEquals(TokenRefusal.MALFORMED, refusal(tokens, "not a token"));
        assertEquals(TokenRefusal.MALFORMED, refusal(tokens, "a.b.c"));
        assertEquals(TokenRefusal.MALFORMED, refusal(tokens, "x".repeat(Tokens.MAX_LENGTH + 1)));
        String noScope = Jwts.builder().issuer(ME).subject("x").id("1").issuedAt(Date.from(START))
                .expiration(Date.from(START.plusSeconds(3600))).signWith(ours.key(), Jwts.SIG.HS256).compact();
        assertEquals(TokenRefusal.MALFORMED, refusal(tokens, noScope));
        String unknownScope = Jwts.builder().issuer(ME).subject("x").id("1").claim("scope", "root")
                .issuedAt(Date.from(START)).expiration(Date.from(START.plusSeconds(3600)))
                .signWith(ours.key(), Jwts.SIG.HS256).compact();
        assertEquals(TokenRefusal.MALFORMED, refusal(tokens, unknownScope));
        String noExpiry = Jwts.builder().issuer(ME).subject("x").id("1").claim("scope", "read")
                .issuedAt(Date.from(START)).signWith(ours.key(), Jwts.SIG.HS256).compact();
        assertEquals(TokenRefusal.MALFORMED, refusal(tokens, noExpiry));
    }

    @Test
    void readIsUnderScopedForAdminCommandsAndAdminIncludesRead() throws Exception {
        Tokens tokens = new Tokens(secret(), ME, clock);
        VerifiedToken read = tokens.verify(tokens.issue(TokenScope.READ, Duration.ofHours(1), "x"));
        VerifiedToken admin = tokens.verify(tokens.issue(TokenScope.ADMIN, Duration.ofHours(1), "x"));
        read.require(TokenScope.READ);
        admin.require(TokenScope.READ);
        admin.require(TokenScope.ADMIN);
        assertEquals(TokenRefusal.UNDER_SCOPED,
                assertThrows(TokenRefusedException.class, () -> read.require(TokenScope.ADMIN)).refusal());
    }

    @Test
    void issueRefusesSubSecondLifetimesAndBlankSubjects() throws Exception {
        Tokens tokens = new Tokens(secret(), ME, clock);
        assertThrows(IllegalArgumentException.class, () -> tokens.issue(TokenScope.READ, Duration.ofMillis(999), "x"));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue(TokenScope.READ, Duration.ofHours(1), " "));
        assertTrue(tokens.issue(TokenScope.READ, Duration.ofSeconds(1), "x").startsWith("eyJ"));
    }
}
