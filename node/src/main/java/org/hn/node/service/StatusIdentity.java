package org.hn.node.service;

/**
 * The start-up facts the status {@code config} and {@code instance} sections show ({@code spec/client.md §6.1}).
 *
 * @param listenIp the address given to listen on, or null for all interfaces
 * @param verbose  the verbosity counter
 * @param outIp    our public IPv4 as text
 * @param version  this node's version, shown as {@code instance.version} and {@code hn_version}
 */
public record StatusIdentity(String listenIp, int verbose, String outIp, String version) {
}
