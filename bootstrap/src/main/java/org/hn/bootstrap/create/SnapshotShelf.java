package org.hn.bootstrap.create;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.SnapshotFailure;
import org.hn.bootstrap.manifest.SnapshotManifest;

/**
 * The folder where a node keeps its own recent archives for an operator to publish ({@code spec/ops.md §8.1},
 * careful implementation item 4): {@code hn-bootstrap-<network>-<round>.tar.gz} for each of the last
 * {@code keep} cuts, and {@value #LATEST}, a hard link to the newest, the stable name a web server can offer
 * (the reference's file name). Nothing is served by the node itself.
 */
public final class SnapshotShelf {

    /** The stable name of the newest archive. */
    public static final String LATEST = "hn_bs.tar.gz";

    private static final Pattern ARCHIVE = Pattern.compile("hn-bootstrap-([a-z]+)-(\\d+)\\.tar\\.gz");

    private final Path folder;
    private final int keep;

    /**
     * @param folder where archives go (created when missing)
     * @param keep   how many archives to keep, ≥ 1
     */
    public SnapshotShelf(Path folder, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one archive, got " + keep);
        }
        this.folder = folder;
        this.keep = keep;
    }

    private Path archiveOf(String networkId, long cutRound) {
        return folder.resolve("hn-bootstrap-" + networkId + "-" + cutRound + ".tar.gz");
    }

    /**
     * Creates the archive of {@code cutRound} on the network {@code networkId} ({@code Network.id()}) unless it
     * exists, points {@value #LATEST} at it and deletes all but the newest {@code keep} archives.
     *
     * @return the new manifest, or empty when that round's archive was already there
     */
    public Optional<SnapshotManifest> add(SnapshotCreator creator, Path chainFile, String networkId, long cutRound)
            throws SnapshotException {
        Path archive = archiveOf(networkId, cutRound);
        if (Files.exists(archive)) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new SnapshotException(SnapshotFailure.IO, "cannot create " + folder + ": " + e.getMessage(), e);
        }
        SnapshotManifest manifest = creator.create(chainFile, cutRound, archive);
        try {
            pointLatestAt(archive);
            prune();
        } catch (IOException e) {
            throw new SnapshotException(SnapshotFailure.IO, "cannot rotate the archives in " + folder + ": "
                    + e.getMessage(), e);
        }
        return Optional.of(manifest);
    }

    /** Replaces {@value #LATEST} in one rename, so a download never sees it missing. */
    private void pointLatestAt(Path archive) throws IOException {
        Path link = folder.resolve(LATEST + ".new");
        Files.deleteIfExists(link);
        try {
            Files.createLink(link, archive);
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            Files.copy(archive, link);
        }
        Files.move(link, folder.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void prune() throws IOException {
        List<Path> archives;
        try (Stream<Path> list = Files.list(folder)) {
            archives = list.filter(path -> ARCHIVE.matcher(path.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(SnapshotShelf::roundOf).reversed())
                    .toList();
        }
        for (Path old : archives.subList(Math.min(keep, archives.size()), archives.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long roundOf(Path archive) {
        Matcher matcher = ARCHIVE.matcher(archive.getFileName().toString());
        return matcher.matches() ? Long.parseLong(matcher.group(2)) : -1;
    }
}
