package org.hn.plugin;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.hn.config.Network;
import org.hn.registry.registration.RuleProfile;

/**
 * How the companion runs ({@code DESIGN.md §5}).
 *
 * @param ledgerFile   the PoW node's {@code static/ledger.db}, read-only
 * @param directory    where {@code hnrounds/}, {@code allowlist.txt}, {@code colored.json}, {@code powstatus.json} go
 * @param network      whose round arithmetic and PoS address rule apply
 * @param profile      registration rules; must be the network's
 * @param listen       address the read-only service binds (port 0 picks a free one)
 * @param keep         snapshots kept, at least {@link #MIN_KEEP}
 * @param pollInterval time between two refreshes of the files, at least one second
 */
public record CompanionSettings(Path ledgerFile, Path directory, Network network, RuleProfile profile,
                                InetSocketAddress listen, int keep, Duration pollInterval) {

    /** Default bind address: loopback only, the PoW node's own port 5658 being next to it. */
    public static final InetSocketAddress DEFAULT_LISTEN = new InetSocketAddress("127.0.0.1", 5659);
    /** Default time between refreshes: the PoW node's status tick (§9.3). */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

    /** The current round's snapshot and the next one's: keeping fewer would delete one and rewrite it each poll. */
    public static final int MIN_KEEP = 2;

    public CompanionSettings {
        Objects.requireNonNull(ledgerFile, "ledgerFile");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (keep < MIN_KEEP) {
            throw new IllegalArgumentException("keep must be at least " + MIN_KEEP + ": " + keep);
        }
        if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("poll interval must be at least one second: " + pollInterval);
        }
    }
}
