package org.hn.node.server;

import java.util.Optional;
import org.hn.node.auth.TokenRefusedException;
import org.hn.node.auth.TokenScope;
import org.hn.node.auth.VerifiedToken;
import org.hn.node.peers.Misbehaviour;
import org.hn.node.peers.PeerConnection;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token check in front of the client-only commands ({@code DESIGN.md §4}, {@code docs/protocol.md §2}).
 * A connection that presented a token is judged by its token, re-verified at every command so that it expires
 * mid-session; one that did not is served only from the legacy allowlist. Peer commands between hypernodes
 * pass untouched. Stateless; the session keeps the presented token.
 */
final class ClientGate {

    private static final Logger LOG = LoggerFactory.getLogger(ClientGate.class);

    private final ServerAuth auth;

    ClientGate(ServerAuth auth) {
        this.auth = auth;
    }

    /**
     * The scope a command needs on a connection, or empty when it is not gated: {@code tx} needs
     * {@link TokenScope#ADMIN}; the client-only queries, and {@code blocksync} and {@code mempool} on a connection
     * whose hello announced the client port {@code 00101}, need {@link TokenScope#READ}. {@code update} is always
     * refused anyway and {@code gethypernodes} keeps its IP allowlist on top.
     */
    static Optional<TokenScope> neededScope(Type type, int helloPort) {
        return switch (type) {
            case tx -> Optional.of(TokenScope.ADMIN);
            case status, getblock, getaddtxs, gettx, getheaders, getround, gethypernodes, getheights ->
                    Optional.of(TokenScope.READ);
            case blocksync, mempool -> helloPort == HelloString.CLIENT_PORT ? Optional.of(TokenScope.READ) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * A token presented after hello: answered {@code ok} and kept by the session when valid.
     *
     * @throws RequestException {@code ko} "token malformed", "token not issued by this node" or "token expired", then
     *                          close
     */
    Reply present(String token, PeerConnection connection) {
        try {
            VerifiedToken verified = auth.tokens().verify(token);
            LOG.info("{}: token {} of {} ({}) accepted", connection.key(), verified.id(), verified.subject(),
                    verified.scope().claim());
            return Reply.tokenAccepted(Commands.bare(Type.ok), token);
        } catch (TokenRefusedException e) {
            throw refusal(e, Type.hello, null);
        }
    }

    /**
     * Lets a request through or refuses it.
     *
     * @param token the token the connection presented, or null
     * @throws RequestException {@code ko} "token required" (no token, IP not in {@code LEGACY_CLIENTS_FROM}),
     *                          "token malformed", "token not issued by this node", "token expired" or
     *                          "token scope read does not allow tx" (for the command at hand), then close
     */
    void admit(Command request, PeerConnection connection, String token) {
        Type type = request.getCommand();
        Optional<TokenScope> needed = neededScope(type, connection.key().port());
        if (needed.isEmpty()) {
            return;
        }
        if (token == null) {
            if (!auth.isLegacyClient(connection.key().ip())) {
                throw RequestException.refused(null, "token required",
                        type + " without a token from an IP outside LEGACY_CLIENTS_FROM");
            }
            return;
        }
        VerifiedToken verified = null;
        try {
            verified = auth.tokens().verify(token);
            verified.require(needed.get());
        } catch (TokenRefusedException e) {
            throw refusal(e, type, verified);
        }
    }

    private static RequestException refusal(TokenRefusedException refused, Type type, VerifiedToken verified) {
        String detail = type + ": " + refused.getMessage();
        return switch (refused.refusal()) {
            case MALFORMED -> RequestException.refused(Misbehaviour.MALFORMED_PARAMETER, "token malformed", detail);
            case FOREIGN -> RequestException.refused(Misbehaviour.MALFORMED_PARAMETER, "token not issued by this node", detail);
            case EXPIRED -> RequestException.refused(null, "token expired", detail);
            case UNDER_SCOPED -> RequestException.refused(null,
                    "token scope " + verified.scope().claim() + " does not allow " + type, detail);
        };
    }
}
