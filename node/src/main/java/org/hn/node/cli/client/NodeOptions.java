package org.hn.node.cli.client;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hn.config.Network;
import org.hn.node.auth.NodeSecret;
import org.hn.node.auth.TokenScope;
import org.hn.node.auth.Tokens;
import org.hn.node.cli.NetworkConverter;
import picocli.CommandLine.Option;

/**
 * The options every query shares (a picocli mixin): which node, how to authenticate, how to print.
 *
 * <p>The node is {@code --node}, else the one the data directory's settings describe ({@code BIND}, {@code PORT}),
 * else {@code 127.0.0.1:6969}. Authentication, never downgraded from one way to another: {@code --token} as given;
 * else, with {@code --data}, a read token valid {@link #MINTED_TOKEN_TTL} signed with the node's own
 * {@code jwt.secret} (so the caller must be able to read it, i.e. be the node's user); else no token, which a node
 * serves only to the IPs of its {@code LEGACY_CLIENTS_FROM} (loopback by default).
 */
final class NodeOptions {

    /** Lifetime of the token a query signs with the node's secret for its own use. */
    static final Duration MINTED_TOKEN_TTL = Duration.ofMinutes(1);
    /** The {@code sub} of those tokens, as the node logs it. */
    static final String MINTED_TOKEN_SUBJECT = "hn-cli";
    private static final int DEFAULT_PORT = 6969;

    @Option(names = "--node", paramLabel = "HOST:PORT",
            description = "The node to ask (default: the node of --data, else 127.0.0.1:6969).")
    String node;

    @Option(names = "--data", paramLabel = "DIR",
            description = "A node's data directory: its address, network and token secret are read from it.")
    Path data;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "A client token from 'hn token create'; if the node refuses it, the query fails (exit 3).")
    String token;

    @Option(names = "--network", paramLabel = "NAME", converter = NetworkConverter.class,
            description = "mainnet, testnet or devnet (default: the network of --data, else mainnet).")
    Network network;

    @Option(names = "--json", description = "Print exactly one JSON document on stdout instead of text.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Connect timeout in seconds (default: ${DEFAULT-VALUE}).")
    int connectSeconds;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Timeout of each answer in seconds (default: ${DEFAULT-VALUE}).")
    int answerSeconds;

    /**
     * Resolves the options.
     *
     * @param environment the process environment, for the data directory's {@code HN_*} overrides
     * @param clock       the time a minted token is issued at
     * @throws QueryFailure {@link QueryExit#FAILED} on a bad option or an unusable data directory file
     */
    QueryTarget target(Map<String, String> environment, Clock clock) throws QueryFailure {
        if (connectSeconds <= 0 || answerSeconds <= 0) {
            throw new QueryFailure(QueryExit.FAILED, "--timeout and --read-timeout must be positive");
        }
        NodeFiles files = data == null ? null : NodeFiles.open(data, environment);
        Network chosen = network != null ? network : files != null ? files.network() : Network.MAINNET;
        InetSocketAddress address = node != null ? parseNode(node)
                : files != null ? files.listenAddress() : new InetSocketAddress("127.0.0.1", DEFAULT_PORT);
        Optional<String> presented = Optional.ofNullable(token);
        if (presented.isEmpty() && files != null) {
            Optional<NodeSecret> secret = files.secret();
            if (secret.isPresent()) {
                Tokens tokens = new Tokens(secret.get(), files.wallet().address(), clock);
                presented = Optional.of(tokens.issue(TokenScope.READ, MINTED_TOKEN_TTL, MINTED_TOKEN_SUBJECT));
            }
        }
        return new QueryTarget(address, chosen, presented, Duration.ofSeconds(connectSeconds),
                Duration.ofSeconds(answerSeconds));
    }

    /**
     * {@code host:port}, with an IPv6 host in brackets ({@code [::1]:6969}).
     *
     * @throws QueryFailure {@link QueryExit#FAILED} when it is not of that form, {@link QueryExit#UNREACHABLE} when the
     *                      host name cannot be resolved
     */
    static InetSocketAddress parseNode(String text) throws QueryFailure {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = colon < 0 ? "" : text.substring(colon + 1);
        if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65_535) {
            throw new QueryFailure(QueryExit.FAILED, "--node " + text + ": expected HOST:PORT, e.g. 127.0.0.1:6969");
        }
        InetSocketAddress address = new InetSocketAddress(host, Integer.parseInt(port));
        if (address.isUnresolved()) {
            throw new QueryFailure(QueryExit.UNREACHABLE, "--node " + text + ": the host name cannot be resolved");
        }
        return address;
    }
}
