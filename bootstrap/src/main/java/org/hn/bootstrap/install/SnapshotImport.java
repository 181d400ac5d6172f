package org.hn.bootstrap.install;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.SnapshotFailure;
import org.hn.bootstrap.download.DownloadProgress;
import org.hn.bootstrap.download.SnapshotDownload;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.bootstrap.verify.SnapshotVerifier;
import org.hn.bootstrap.verify.VerifiedSnapshot;
import org.hn.bootstrap.work.WorkDirectory;
import org.hn.config.Network;

/**
 * {@code hn bootstrap import} and the start-up bootstrap ({@code spec/ops.md §8.1}): fetch the archive when the
 * source is a URL, verify it completely in a scratch directory beside the chain, then install it atomically. A
 * refused archive leaves the data directory as it was, except that a broken download keeps its {@code .part} for a
 * resume.
 */
public final class SnapshotImport {

    /** The downloaded archive's name in the data directory (the reference's). */
    public static final String DOWNLOAD_NAME = "hn_bs.tar.gz";

    private final Network network;
    private final SnapshotVerifier verifier;
    private final SnapshotInstaller installer;
    private final SnapshotDownload download;

    /**
     * @param network  the data directory's network: an archive of another network is refused
     * @param download used for URL sources
     */
    public SnapshotImport(Network network, SnapshotVerifier verifier, SnapshotInstaller installer,
                          SnapshotDownload download) {
        this.network = network;
        this.verifier = verifier;
        this.installer = installer;
        this.download = download;
    }

    /** Whether a source names a URL rather than a local file. */
    public static boolean isUrl(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /**
     * Imports an archive into the data directory that holds {@code chainFile}.
     *
     * @param source   a local archive path, or an http(s) URL
     * @param force    replace a chain that has more than its genesis (a backup is kept)
     * @param progress download progress (URLs only)
     * @param steps    install steps as they complete
     * @return the manifest of the installed snapshot
     * @throws SnapshotException with the first failed check; the chain is then unchanged
     */
    public SnapshotManifest run(String source, Path chainFile, boolean force, DownloadProgress progress,
                                Consumer<InstallStep> steps) throws SnapshotException {
        Path dataDir = chainFile.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dataDir);
            WorkDirectory.deleteLeftovers(dataDir);
        } catch (IOException e) {
            throw new SnapshotException(SnapshotFailure.IO, "cannot prepare " + dataDir + ": " + e.getMessage(), e);
        }
        if (!isUrl(source)) {
            return verifyAndInstall(Path.of(source), dataDir, chainFile, force, steps);
        }
        URI uri;
        try {
            uri = new URI(source);
        } catch (URISyntaxException e) {
            throw new SnapshotException(SnapshotFailure.IO, source + " is not a URL: " + e.getMessage(), e);
        }
        Path archive = download.fetch(uri, dataDir.resolve(DOWNLOAD_NAME), progress);
        try {
            return verifyAndInstall(archive, dataDir, chainFile, force, steps);
        } finally {
            // a verified archive is installed and a refused one is worthless: neither is kept on the card
            try {
                Files.deleteIfExists(archive);
            } catch (IOException e) {
                // left for the operator; the next download replaces it
            }
        }
    }

    private SnapshotManifest verifyAndInstall(Path archive, Path dataDir, Path chainFile, boolean force,
                                              Consumer<InstallStep> steps) throws SnapshotException {
        try (VerifiedSnapshot snapshot = verifier.verify(archive, dataDir)) {
            if (snapshot.manifest().network() != network) {
                throw new SnapshotException(SnapshotFailure.MANIFEST_MISMATCH, "the archive holds a "
                        + snapshot.manifest().network().id() + " chain; this data directory is " + network.id());
            }
            installer.install(snapshot, chainFile, force, steps);
            return snapshot.manifest();
        } catch (IOException e) {
            throw new SnapshotException(SnapshotFailure.IO, "cannot remove the work directory: " + e.getMessage(), e);
        }
    }
}
