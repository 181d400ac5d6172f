package org.hn.node.server;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;
import org.hn.chain.crypto.PrivateKey;
import org.hn.node.auth.Tokens;

/**
 * Who may use the client-only commands, and how this node proves its address in hellos ({@code DESIGN.md §4},
 * {@code docs/protocol.md §2, §3}).
 *
 * @param tokens          verifies the tokens clients present after their hello
 * @param legacyClientIps {@code LEGACY_CLIENTS_FROM}: IP literals from which clients without a token (the reference's
 *                        own client) are served; normalised to {@link InetAddress#getHostAddress()} form, so
 *                        {@code ::1} matches a connection from {@code 0:0:0:0:0:0:0:1}
 * @param helloKey        our PoS key, which signs our side of authenticated hellos ({@code posnet0005},
 *                        {@code docs/protocol.md §3}); its address must be the one of our hello
 * @param registeredPeersOnly whether an unauthenticated peer hello (legacy posnet, port other than 00101) is
 *                        accepted only from a registered hypernode's IP ({@code DESIGN.md §4}); on in the daemon
 */
public record ServerAuth(Tokens tokens, Set<String> legacyClientIps, PrivateKey helloKey, boolean registeredPeersOnly) {

    /** Authentication without the registered-IP rule for legacy peer hellos. */
    public ServerAuth(Tokens tokens, Set<String> legacyClientIps, PrivateKey helloKey) {
        this(tokens, legacyClientIps, helloKey, false);
    }

    /** @throws IllegalArgumentException naming an allowlist entry that is not an IPv4 or IPv6 literal */
    public ServerAuth {
        if (tokens == null || helloKey == null) {
            throw new IllegalArgumentException("a server needs a token verifier and its PoS key");
        }
        Set<String> normalised = new HashSet<>();
        for (String entry : legacyClientIps) {
            InetAddress address = NetUtil.createInetAddressFromIpAddressString(entry.strip());
            if (address == null) {
                throw new IllegalArgumentException("LEGACY_CLIENTS_FROM: '" + entry + "' is not an IP address");
            }
            normalised.add(address.getHostAddress());
        }
        legacyClientIps = Set.copyOf(normalised);
    }

    /** Whether a connection from {@code ip} (in {@link InetAddress#getHostAddress()} form) may go without a token. */
    public boolean isLegacyClient(String ip) {
        return legacyClientIps.contains(ip);
    }
}
