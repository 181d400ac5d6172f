package org.hn.plugin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.hn.plugin.files.PluginDirectory;
import org.hn.plugin.poll.PollReport;
import org.hn.plugin.poll.Poller;
import org.hn.plugin.server.PluginCommands;
import org.hn.plugin.server.PluginServer;
import org.hn.plugin.snapshot.RoundSnapshot;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationFold;

/**
 * The companion that runs beside a PoW node ({@code DESIGN.md §5}): a {@link Poller} refreshing its files every
 * interval and a {@link PluginServer} answering hypernodes, both over one read-only ledger and one registry cache.
 */
public final class Companion implements AutoCloseable {

    /** Registry states kept in memory: a few rounds' reference blocks plus what hypernodes ask around them. */
    private static final int CACHED_STATES = 32;
    private static final long STOP_SECONDS = 10;

    private final CompanionSettings settings;
    private final Poller poller;
    private final PluginServer server;
    private ScheduledExecutorService scheduler;

    /**
     * @param settings   how to run
     * @param clock      source of "now" for rounds and freshness
     * @param onSnapshot told of every snapshot written, with its file
     */
    public Companion(CompanionSettings settings, Clock clock, BiConsumer<RoundSnapshot, Path> onSnapshot) {
        this.settings = Objects.requireNonNull(settings, "settings");
        SqlitePowLedger ledger = new SqlitePowLedger(settings.ledgerFile());
        RegistrationCache cache = new RegistrationCache(
                RegistrationFold.forNetwork(settings.profile(), settings.network(), ledger), CACHED_STATES);
        PluginDirectory directory = new PluginDirectory(settings.directory(), settings.keep());
        this.poller = new Poller(ledger, cache, settings.network(), directory, clock, onSnapshot);
        this.server = new PluginServer(new PluginCommands(settings.network(), ledger, cache,
                directory.snapshots()),
                PluginServer.READ_TIMEOUT, PluginServer.DEFAULT_MAX_CONNECTIONS);
    }

    /** Refreshes the files once, now, on the caller's thread. */
    public PollReport pollOnce() {
        return poller.pollOnce();
    }

    /**
     * Starts the server, then polls at once and every interval on a scheduler thread.
     *
     * @return the address the server bound
     * @throws IOException when the listen address cannot be bound (nothing is started then)
     */
    public synchronized InetSocketAddress start() throws IOException {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        InetSocketAddress bound = server.start(settings.listen());
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hn-plugin-poller");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(poller, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        return bound;
    }

    /** Stops the server and the scheduler, letting a running poll finish (up to 10 s). Idempotent. */
    @Override
    public synchronized void close() {
        server.close();
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
