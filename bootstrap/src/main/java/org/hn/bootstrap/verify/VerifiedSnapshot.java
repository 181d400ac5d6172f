package org.hn.bootstrap.verify;

import java.io.IOException;
import java.nio.file.Path;
import org.hn.bootstrap.archive.SnapshotArchive;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.bootstrap.work.WorkDirectory;

/**
 * An archive that passed every check of {@link SnapshotVerifier}, with its files extracted to a private work
 * directory. Closing deletes that directory (and whatever is still in it).
 */
public final class VerifiedSnapshot implements AutoCloseable {

    private final SnapshotManifest manifest;
    private final Path directory;

    VerifiedSnapshot(SnapshotManifest manifest, Path directory) {
        this.manifest = manifest;
        this.directory = directory;
    }

    /** What the archive holds, as signed. */
    public SnapshotManifest manifest() {
        return manifest;
    }

    /** The checked chain database, in the work directory. */
    public Path chainFile() {
        return directory.resolve(SnapshotArchive.CHAIN);
    }

    @Override
    public void close() throws IOException {
        WorkDirectory.delete(directory);
    }
}
