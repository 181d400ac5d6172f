package org.hn.bootstrap.install;

/**
 * The steps of {@link SnapshotInstaller#install}, in order. Before {@link #SWITCHED} the data directory holds its
 * old chain, from it on the new one; no step leaves a mix.
 */
public enum InstallStep {
    /** The target was found empty (or {@code --force} was given) and its old chain is a single closed file. */
    TARGET_READY,
    /** The checked database sits in the data directory under a temporary name, flushed to disk. */
    STAGED,
    /** The old chain was kept as {@code chain.db.backup-<unix seconds>} (only with {@code --force}). */
    BACKED_UP,
    /** One rename put the new chain in place. */
    SWITCHED,
    /** Scratch files are gone. */
    CLEANED
}
