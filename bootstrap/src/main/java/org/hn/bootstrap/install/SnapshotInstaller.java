package org.hn.bootstrap.install;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.SnapshotFailure;
import org.hn.bootstrap.verify.VerifiedSnapshot;
import org.sqlite.SQLiteConfig;

/**
 * Puts a verified chain database in place as a data directory's chain, atomically ({@code spec/ops.md §8.1},
 * careful implementation item 3): the old chain is first made a single closed file (its WAL checkpointed and
 * journal mode set to DELETE, which fails while a node has it open), the new file is staged beside it and
 * flushed, then one {@code rename} replaces it. A kill at any instant leaves either the old chain or the new
 * one, whole; a stale WAL of the old file can never be applied to the new one, since none is left.
 *
 * <p>A data directory counts as empty when it has no chain file or a chain of only its genesis block; anything
 * more is replaced only with {@code force}, and then kept as {@code chain.db.backup-<unix seconds>}.
 */
public final class SnapshotInstaller {

    private static final String STAGED_SUFFIX = ".incoming";
    private static final String[] SIDE_FILES = {"-wal", "-shm", "-journal"};
    private static final int BUSY_MILLIS = 2_000;

    private final Clock clock;

    public SnapshotInstaller(Clock clock) {
        this.clock = clock;
    }

    /**
     * Installs {@code snapshot}'s chain as {@code chainFile}.
     *
     * @param chainFile the data directory's chain database, e.g. {@code <data>/chain.db}; its directory must
     *                  be on the same filesystem as the snapshot's work directory
     * @param force     replace a chain that has more than its genesis, keeping a backup
     * @param steps     told each step as it completes (progress output; tests inject crashes here)
     * @return the backup of the old chain, when one was made
     * @throws SnapshotException {@link SnapshotFailure#TARGET_NOT_EMPTY} when the target holds a chain and
     *                           {@code force} is false, or its database is in use; {@link SnapshotFailure#IO}
     */
    public Optional<Path> install(VerifiedSnapshot snapshot, Path chainFile, boolean force,
                                  Consumer<InstallStep> steps) throws SnapshotException {
        Path directory = chainFile.toAbsolutePath().getParent();
        Path staged = directory.resolve(chainFile.getFileName() + STAGED_SUFFIX);
        try {
            boolean replacing = prepareTarget(chainFile, force);
            steps.accept(InstallStep.TARGET_READY);
            Files.deleteIfExists(staged);
            Files.move(snapshot.chainFile(), staged, StandardCopyOption.ATOMIC_MOVE);
            flush(staged);
            steps.accept(InstallStep.STAGED);
            Optional<Path> backup = Optional.empty();
            if (replacing) {
                Path copy = directory.resolve(chainFile.getFileName() + ".backup-" + clock.millis() / 1000);
                try {
                    Files.createLink(copy, chainFile);
                } catch (UnsupportedOperationException | IOException noHardLinks) {
                    Files.copy(chainFile, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                backup = Optional.of(copy);
                steps.accept(InstallStep.BACKED_UP);
            }
            Files.move(staged, chainFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            flush(directory);
            steps.accept(InstallStep.SWITCHED);
            snapshot.close();
            steps.accept(InstallStep.CLEANED);
            return backup;
        } catch (IOException e) {
            throw new SnapshotException(SnapshotFailure.IO, "cannot install the chain in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Leaves the target's chain as one closed file, or none.
     *
     * @return whether a chain with more than its genesis is being replaced
     */
    private static boolean prepareTarget(Path chainFile, boolean force) throws SnapshotException, IOException {
        if (!Files.exists(chainFile)) {
            // stray journals of a deleted chain would be applied to the new file
            for (String side : SIDE_FILES) {
                Files.deleteIfExists(chainFile.resolveSibling(chainFile.getFileName() + side));
            }
            return false;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_MILLIS);
        long height;
        try (Connection connection = config.createConnection("jdbc:sqlite:" + chainFile.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            height = tipHeight(statement);
            if (height > 0 && !force) {
                throw new SnapshotException(SnapshotFailure.TARGET_NOT_EMPTY, chainFile + " holds a chain up to height "
                        + height + "; give --force to replace it (a backup is kept)");
            }
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = DELETE")) {
                if (!mode.next() || !"delete".equalsIgnoreCase(mode.getString(1))) {
                    throw new SnapshotException(SnapshotFailure.TARGET_NOT_EMPTY, chainFile
                            + " is in use (is the node running?)");
                }
            }
        } catch (SQLException e) {
            throw new SnapshotException(SnapshotFailure.TARGET_NOT_EMPTY, chainFile + " cannot be taken over (is the"
                    + " node running?): " + e.getMessage(), e);
        }
        return height > 0;
    }

    private static long tipHeight(Statement statement) throws SQLException {
        try (ResultSet table = statement.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pos_chain'")) {
            if (!table.next()) {
                return 0;
            }
        }
        try (ResultSet tip = statement.executeQuery("SELECT COALESCE(MAX(height), 0) FROM pos_chain")) {
            tip.next();
            return tip.getLong(1);
        }
    }

    private static void flush(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
