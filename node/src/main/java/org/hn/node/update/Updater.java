package org.hn.node.update;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hn.node.supervise.HealthProbe;
import org.hn.node.supervise.ProbeResult;
import org.hn.node.supervise.ServiceControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a newer signed release ({@code DESIGN.md §7}; the careful replacement of the reference's remote
 * update command, {@code spec/ops.md §6.1}). Only the operator's cron job or hand starts it; nothing on the
 * network can. One run:
 * <ol>
 *   <li>fetches {@code manifest.json} and {@code manifest.json.sig} from the first mirror that serves a
 *       manifest signed by the pinned release key;</li>
 *   <li>stops there if the signed version is not newer than {@code current} (an old signed manifest replayed
 *       by a mirror cannot downgrade) or was rejected before;</li>
 *   <li>downloads the jar (resuming an earlier partial download), checks its size and SHA-256;</li>
 *   <li>installs it beside the current release, switches {@code current} atomically and restarts the
 *       service;</li>
 *   <li>waits for {@code hn status} to report healthy; if it does not within the health timeout, switches
 *       back to the previous release and restarts again; if the previous release is healthy again, the new
 *       one is rejected for good, otherwise the fault lies elsewhere and the next run tries it again;</li>
 *   <li>after a successful switch, deletes the releases other than the new and the previous one (an SD card
 *       holds a few jars, not every release ever installed).</li>
 * </ol>
 * Any refusal before the switch leaves the installed releases and {@code current} untouched.
 */
public final class Updater {

    private static final Logger LOG = LoggerFactory.getLogger(Updater.class);

    /** Waits between health probes; tests pass one that returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * The updater's parts.
     *
     * @param manifestUrls   the manifest's mirrors, tried in order
     * @param releaseKey     the pinned key manifests must be signed with
     * @param healthTimeout  how long the restarted node has to report healthy
     * @param healthInterval the pause between health probes
     */
    public record Parts(List<URI> manifestUrls, ReleaseKey releaseKey, ReleaseStore store,
                        ReleaseDownloader downloader, ServiceControl service, HealthProbe health,
                        Duration healthTimeout, Duration healthInterval, Sleeper sleeper) {
        public Parts {
            manifestUrls = List.copyOf(manifestUrls);
        }
    }

    private final Parts parts;

    public Updater(Parts parts) {
        this.parts = parts;
    }

    /**
     * Runs one update.
     *
     * @throws UpdateException if no mirror serves a valid signed manifest, the download fails or does not match
     *                         the manifest, or the release cannot be installed; nothing was switched then
     */
    public UpdateOutcome run() throws UpdateException, InterruptedException {
        ReleaseStore store = parts.store();
        try {
            Optional<AutoCloseable> lock = store.lock();
            if (lock.isEmpty()) {
                return new UpdateOutcome(UpdateOutcome.Result.BUSY, "another update is running in " + store.root());
            }
            try {
                return update(store);
            } finally {
                lock.get().close();
            }
        } catch (IOException e) {
            throw new UpdateException("the release folder " + store.root() + " is unusable: " + e.getMessage(), e);
        } catch (UpdateException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new UpdateException("cannot release the update lock: " + e.getMessage(), e);
        }
    }

    private UpdateOutcome update(ReleaseStore store) throws IOException, UpdateException, InterruptedException {
        Optional<ReleaseVersion> current = store.current();
        Signed signed = signedManifest();
        ReleaseManifest manifest = signed.manifest();
        ReleaseVersion version = manifest.version();
        if (current.isPresent() && version.compareTo(current.get()) <= 0) {
            return new UpdateOutcome(UpdateOutcome.Result.UP_TO_DATE, "running " + current.get()
                    + ", the newest signed release is " + version);
        }
        Optional<String> rejection = store.rejection(version);
        if (rejection.isPresent()) {
            return new UpdateOutcome(UpdateOutcome.Result.UP_TO_DATE, "release " + version
                    + " was rolled back before (" + rejection.get() + "); staying on " + current.orElse(null));
        }
        URI jar = manifest.jarUri(signed.from());
        Path partial = store.partialDownload(version);
        LOG.info("downloading release {} from {}", version, jar);
        parts.downloader().download(jar, partial, manifest.size());
        if (!ReleaseManifest.sha256(partial).equals(manifest.sha256())) {
            Files.delete(partial);
            throw new UpdateException("the jar from " + jar + " does not match the manifest's SHA-256; deleted");
        }
        store.install(version, partial);
        store.switchTo(version);
        LOG.info("switched to release {}; restarting the service", version);
        Optional<String> problem = restartHealthy();
        if (problem.isEmpty()) {
            store.prune(current.isPresent() ? Set.of(version, current.get()) : Set.of(version));
            return new UpdateOutcome(UpdateOutcome.Result.INSTALLED, "now running " + version
                    + (current.map(previous -> " (was " + previous + ")").orElse("")));
        }
        LOG.warn("release {} is not healthy ({}); rolling back", version, problem.get());
        if (current.isEmpty()) {
            return new UpdateOutcome(UpdateOutcome.Result.ROLLED_BACK, "release " + version + " is not healthy ("
                    + problem.get() + ") and there is no previous release to go back to; kept it");
        }
        store.switchTo(current.get());
        Optional<String> afterRollback = restartHealthy();
        if (afterRollback.isPresent()) {
            // the previous release is unhealthy too: the cause is around the node (PoW ledger, network, disk),
            // not in the new release, so it stays eligible for the next run
            return new UpdateOutcome(UpdateOutcome.Result.ROLLED_BACK, "release " + version + " was not healthy ("
                    + problem.get() + "); back on " + current.get() + ", which is not healthy either ("
                    + afterRollback.get() + "): " + version + " will be tried again");
        }
        store.reject(version, problem.get());
        return new UpdateOutcome(UpdateOutcome.Result.ROLLED_BACK, "release " + version + " was not healthy ("
                + problem.get() + "); back on " + current.get() + ", " + version + " will not be tried again");
    }

    /** The manifest and the mirror it came from. */
    private record Signed(ReleaseManifest manifest, URI from) {
    }

    private Signed signedManifest() throws UpdateException {
        List<String> failures = new ArrayList<>();
        for (URI url : parts.manifestUrls()) {
            try {
                byte[] manifest = parts.downloader().fetch(url, ReleaseManifest.MAX_BYTES);
                byte[] signature = signature(url);
                if (!parts.releaseKey().verifies(manifest, signature)) {
                    throw new UpdateException("the manifest at " + url + " is not signed by the release key");
                }
                return new Signed(ReleaseManifest.parse(manifest), url);
            } catch (UpdateException e) {
                LOG.warn("{}", e.getMessage());
                failures.add(e.getMessage());
            }
        }
        throw new UpdateException(failures.isEmpty() ? "no manifest URL given"
                : "no valid signed manifest: " + String.join("; ", failures));
    }

    private byte[] signature(URI manifestUrl) throws UpdateException {
        URI url = URI.create(manifestUrl + ".sig");
        String text = new String(parts.downloader().fetch(url, 1024), StandardCharsets.US_ASCII).strip();
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new UpdateException(url + " is not a base64 signature", e);
        }
    }

    /** Restarts the service and waits for a healthy probe; the problem if it never comes. */
    private Optional<String> restartHealthy() throws InterruptedException {
        try {
            parts.service().restart();
        } catch (IOException e) {
            return Optional.of("restart failed: " + e.getMessage());
        }
        long probes = Math.max(1, parts.healthTimeout().toMillis() / Math.max(1, parts.healthInterval().toMillis()));
        ProbeResult last = ProbeResult.FAILED;
        for (long probe = 0; probe < probes; probe++) {
            last = parts.health().probe();
            if (last == ProbeResult.OK) {
                return Optional.empty();
            }
            parts.sleeper().sleep(parts.healthInterval());
        }
        return Optional.of("hn status said " + last.name().toLowerCase(Locale.ROOT) + " for "
                + parts.healthTimeout().toSeconds() + " s");
    }
}
