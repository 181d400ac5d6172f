package org.hn.node.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.hn.node.auth.TokenScope;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The shared option readers of the client commands. */
class ClientOptionsTest {

    @Test
    void aNodeIsHostColonPortWithIpv6InBrackets() throws Exception {
        assertEquals(new InetSocketAddress("127.0.0.1", 6969), NodeOptions.parseNode("127.0.0.1:6969"));
        assertEquals(new InetSocketAddress("::1", 7000), NodeOptions.parseNode("[::1]:7000"));
        for (String bad : new String[] {"127.0.0.1", ":6969", "127.0.0.1:", "127.0.0.1:70000", "127.0.0.1:69x"}) {
            QueryFailure failure = assertThrows(QueryFailure.class, () -> NodeOptions.parseNode(bad), bad);
            assertEquals(QueryExit.FAILED, failure.exit());
            assertEquals("--node " + bad + ": expected HOST:PORT, e.g. 127.0.0.1:6969", failure.getMessage());
        }
    }

    @Test
    void aTokenLifetimeIsANumberAndAUnit() {
        TokenCommand.TtlConverter ttl = new TokenCommand.TtlConverter();
        assertEquals(Duration.ofDays(30), ttl.convert("30d"));
        assertEquals(Duration.ofHours(12), ttl.convert("12h"));
        assertEquals(Duration.ofMinutes(15), ttl.convert("15m"));
        assertEquals(Duration.ofSeconds(1), ttl.convert("1s"));
        for (String bad : new String[] {"0d", "30", "5w", "-1h", "1.5h", ""}) {
            assertThrows(CommandLine.TypeConversionException.class, () -> ttl.convert(bad), bad);
        }
    }

    @Test
    void aScopeIsReadOrAdmin() {
        TokenCommand.ScopeConverter scope = new TokenCommand.ScopeConverter();
        assertEquals(TokenScope.READ, scope.convert("read"));
        assertEquals(TokenScope.ADMIN, scope.convert("admin"));
        assertThrows(CommandLine.TypeConversionException.class, () -> scope.convert("root"));
        assertThrows(CommandLine.TypeConversionException.class, () -> scope.convert("READ"));
    }
}
