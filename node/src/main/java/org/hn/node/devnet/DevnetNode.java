package org.hn.node.devnet;

import java.nio.file.Path;

/**
 * One hypernode of a devnet: its own loopback IP (one hypernode per IP is a registration rule,
 * {@code spec/pow.md §5.4}), its port and its data directory.
 *
 * @param index   0 … N−1
 * @param address its PoS address (devnet id 0x55)
 * @param ip      127.0.0.(index + 1)
 * @param port    base port + index
 * @param dir     its data directory, {@code <devnet>/node<index>}
 */
public record DevnetNode(int index, String address, String ip, int port, Path dir) {

    /** The node's status file, rewritten every few seconds by the daemon. */
    public Path statusFile() {
        return dir.resolve("status.json");
    }

    /** Where the node process's output goes. */
    public Path logFile() {
        return dir.resolve("node.log");
    }
}
