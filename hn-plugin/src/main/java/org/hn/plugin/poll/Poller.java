package org.hn.plugin.poll;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.hn.config.Network;
import org.hn.plugin.allowlist.Allowlist;
import org.hn.plugin.files.PluginDirectory;
import org.hn.plugin.snapshot.RoundSnapshot;
import org.hn.plugin.status.PowStatus;
import org.hn.pow.ledger.PowLedger;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.PowLedgerUnavailableException.Reason;
import org.hn.pow.ledger.RoundReference;
import org.hn.registry.colored.ColoredLists;
import org.hn.registry.colored.IgnoredItem;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One refresh of the companion's files ({@code DESIGN.md §5}), run every poll interval: {@code powstatus.json} from
 * the ledger's tip; for the current round (from the injected clock) its registry snapshot (written once), the
 * allowlist of its registered IPs and the colored lists in force; and the next round's snapshot as soon as its
 * reference block is confirmed, so that it is ready when hypernodes ask at the round change.
 *
 * <p>A late or unreadable ledger, or an unwritable directory, leaves the previous files in place and is logged once
 * per change of condition; nothing here ever exits. Thread-safe (polls are serialised).
 */
public final class Poller implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    private static final String HEALTHY = "";

    private final PowLedger ledger;
    private final RegistrationCache cache;
    private final Network network;
    private final PluginDirectory directory;
    private final Clock clock;
    private final BiConsumer<RoundSnapshot, Path> onSnapshot;
    private String condition = HEALTHY;
    private ColoredLists publishedColored;

    /**
     * @param ledger     the PoW ledger read
     * @param cache      the registry cache over the same ledger (shared with the server)
     * @param network    whose round arithmetic gives the current round
     * @param directory  where the files go
     * @param clock      source of "now"
     * @param onSnapshot told of every snapshot written, with its file
     */
    public Poller(PowLedger ledger, RegistrationCache cache, Network network, PluginDirectory directory, Clock clock,
                  BiConsumer<RoundSnapshot, Path> onSnapshot) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.network = Objects.requireNonNull(network, "network");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onSnapshot = Objects.requireNonNull(onSnapshot, "onSnapshot");
    }

    /** Refreshes every file it can now. */
    public synchronized PollReport pollOnce() {
        Instant now = clock.instant();
        long round = network.roundAt(now.getEpochSecond());
        List<Path> written = new ArrayList<>();
        Exception failure = null;
        try {
            directory.writePowStatus(PowStatus.of(ledger.tip(), now));
        } catch (PowLedgerUnavailableException | IOException e) {
            failure = e;
        }
        try {
            RegistrationState state = cache.registryOfRound(network, round);
            writeSnapshotIfMissing(round, state, written);
            directory.writeAllowlist(Allowlist.of(state.hypernodes()));
            publishColored(ColoredLists.ofRound(ledger, network, round));
            prepareNextRound(round + 1, written);
        } catch (PowLedgerUnavailableException | IOException e) {
            failure = failure == null ? e : failure;
        }
        report(failure);
        return new PollReport(round, written,
                failure == null ? Optional.empty() : Optional.of(failure.getMessage()));
    }

    /** {@link #pollOnce()} for a scheduler: an unexpected error is logged and the next poll runs as usual. */
    @Override
    public void run() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            LOG.error("poll failed unexpectedly; retrying at the next interval", e);
        }
    }

    private void prepareNextRound(long round, List<Path> written) throws PowLedgerUnavailableException, IOException {
        RegistrationState state;
        try {
            state = cache.registryOfRound(network, round);
        } catch (PowLedgerUnavailableException e) {
            // Normal early in a round: the next round refers to the current one's start, confirmed 21 blocks later.
            if (e.reason() == Reason.NOT_CONFIRMED) {
                return;
            }
            throw e;
        }
        writeSnapshotIfMissing(round, state, written);
    }

    private void writeSnapshotIfMissing(long round, RegistrationState state, List<Path> written) throws IOException {
        if (directory.snapshots().contains(round)) {
            return;
        }
        RoundSnapshot snapshot = new RoundSnapshot(round, RoundReference.referenceTimestamp(network, round), state);
        Path file = directory.snapshots().write(snapshot);
        written.add(file);
        onSnapshot.accept(snapshot, file);
    }

    private void publishColored(ColoredLists lists) throws IOException {
        directory.writeColored(lists);
        // Warn once per new content in this process, also when the file already held it from an earlier run.
        if (!lists.equals(publishedColored)) {
            publishedColored = lists;
            List<IgnoredItem> ignored = new ArrayList<>();
            lists.rainbow(ignored::add);
            lists.bootstrapUrls(ignored::add);
            ignored.forEach(item -> LOG.warn("colored lists: {}", item));
        }
    }

    private void report(Exception failure) {
        String now = failure == null ? HEALTHY : kind(failure);
        if (now.equals(condition)) {
            return;
        }
        if (failure == null) {
            LOG.info("PoW ledger readable and files up to date again in {}", directory.path());
        } else {
            LOG.warn("cannot refresh the files in {}, keeping the previous ones: {}", directory.path(),
                    failure.getMessage());
        }
        condition = now;
    }

    private static String kind(Exception failure) {
        return failure instanceof PowLedgerUnavailableException unavailable ? unavailable.reason().name()
                : "WRITE_FAILED";
    }
}
