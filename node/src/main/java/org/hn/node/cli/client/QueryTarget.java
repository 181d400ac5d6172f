package org.hn.node.cli.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.hn.config.Network;

/**
 * Which node a query goes to and how it authenticates.
 *
 * @param node           the node's address and port
 * @param network        the node's network: frame magic and the network byte of our hello address
 * @param token          the client token presented after the hello, or empty for a token-less (legacy) client,
 *                       served only from the node's {@code LEGACY_CLIENTS_FROM}
 * @param connectTimeout TCP connect bound
 * @param answerTimeout  bound on each answer, the hello's included
 */
record QueryTarget(InetSocketAddress node, Network network, Optional<String> token, Duration connectTimeout,
                   Duration answerTimeout) {
}
