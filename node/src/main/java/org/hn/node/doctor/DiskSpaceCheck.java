package org.hn.node.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code disk}: the usable space of the file system holding the data directory. SQLite needs room for its
 * write-ahead log to commit, so under {@link #FAIL_BYTES} fails; under {@link #WARN_BYTES} warns.
 */
public final class DiskSpaceCheck implements Check {

    /** Below this many usable bytes (512 MiB) the check fails. */
    public static final long FAIL_BYTES = 512L << 20;
    /** Below this many usable bytes (2 GiB) the check warns. */
    public static final long WARN_BYTES = 2L << 30;

    /** How the usable space of a directory's file system is read; injected by tests. */
    @FunctionalInterface
    public interface SpaceProbe {
        /** @return usable bytes for this user on the file system holding {@code directory} */
        long usableBytes(Path directory) throws IOException;
    }

    private final Path dataDir;
    private final SpaceProbe probe;

    /**
     * @param dataDir the node's data directory; its nearest existing ancestor is measured when it does not exist yet
     * @param probe   how the space is read
     */
    public DiskSpaceCheck(Path dataDir, SpaceProbe probe) {
        this.dataDir = dataDir;
        this.probe = probe;
    }

    /** A check reading the real file system. */
    public static DiskSpaceCheck of(Path dataDir) {
        return new DiskSpaceCheck(dataDir, directory -> Files.getFileStore(directory).getUsableSpace());
    }

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public Finding run() {
        Path measured = dataDir.toAbsolutePath();
        while (measured != null && !Files.exists(measured)) {
            measured = measured.getParent();
        }
        if (measured == null) {
            return Finding.unknown(name(), "no existing directory above " + dataDir, "check the --data path");
        }
        long usable;
        try {
            usable = probe.usableBytes(measured);
        } catch (IOException e) {
            return Finding.unknown(name(), "cannot read the free space of " + measured + ": " + e.getMessage(),
                    "check that the data directory's file system is mounted");
        }
        String summary = (usable >> 20) + " MiB free for " + measured;
        String fix = "free space or move the data directory to a larger disk (the chain grows with every round)";
        if (usable < FAIL_BYTES) {
            return Finding.fail(name(), summary, fix);
        }
        if (usable < WARN_BYTES) {
            return Finding.warn(name(), summary, fix);
        }
        return Finding.ok(name(), summary);
    }
}
