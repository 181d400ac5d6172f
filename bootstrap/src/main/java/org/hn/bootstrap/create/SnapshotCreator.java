package org.hn.bootstrap.create;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.SnapshotFailure;
import org.hn.bootstrap.archive.SnapshotArchive;
import org.hn.bootstrap.manifest.ManifestSignature;
import org.hn.bootstrap.manifest.SnapshotFile;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.bootstrap.work.WorkDirectory;
import org.hn.chain.address.Address;
import org.hn.chain.crypto.PrivateKey;
import org.hn.config.Network;
import org.sqlite.SQLiteConfig;

/**
 * Makes a bootstrap archive from a node's chain database while the node keeps writing to it
 * ({@code spec/ops.md §8.1}, careful implementation item 4):
 * <ol>
 *   <li>{@code VACUUM INTO} a scratch copy: SQLite copies one read transaction's snapshot, so the copy is
 *       consistent whatever the writer does meanwhile (a file copy of a live WAL database is not);</li>
 *   <li>cut the copy at the end of round {@code cutRound} (R − 2 by default: rounds that no catch-up will still
 *       change): blocks, messages, schedules and round signatures after it are deleted, and the node's own
 *       counters and traffic statistics are dropped, with {@code secure_delete} so none of it stays in free
 *       pages; the copy is left in rollback-journal mode, a single file;</li>
 *   <li>write and sign the manifest with the node's PoS key, pack the archive beside {@code out} and rename it
 *       into place, so {@code out} is never seen half-written.</li>
 * </ol>
 */
public final class SnapshotCreator {

    private static final int DATABASE_BUSY_MILLIS = 30_000;

    private final Network network;
    private final PrivateKey key;
    private final Clock clock;

    /**
     * @param network the chain's network (the manifest's, and the signer address's)
     * @param key     the node's PoS key, which signs the manifest
     */
    public SnapshotCreator(Network network, PrivateKey key, Clock clock) {
        this.network = network;
        this.key = key;
        this.clock = clock;
    }

    /** The default cut: the end of round R − 2, R being the round at {@code nowSeconds}. */
    public static long cutRoundAt(Network network, long nowSeconds) {
        return network.roundAt(nowSeconds) - 2;
    }

    /**
     * Creates an archive of {@code chainFile} cut after round {@code cutRound}.
     *
     * @param chainFile the node's chain database (it may be open and written by a running node)
     * @param out       the archive to create or replace
     * @return the signed manifest written into the archive
     * @throws SnapshotException {@link SnapshotFailure#IO} when the database cannot be copied or the archive written
     */
    public SnapshotManifest create(Path chainFile, long cutRound, Path out) throws SnapshotException {
        Path parent = out.toAbsolutePath().getParent();
        Path work;
        try {
            work = WorkDirectory.create(parent);
        } catch (IOException e) {
            throw new SnapshotException(SnapshotFailure.IO, "cannot create a work directory in " + parent + ": "
                    + e.getMessage(), e);
        }
        try {
            Path copy = work.resolve(SnapshotArchive.CHAIN);
            copyOnline(chainFile, copy);
            Tip tip = cut(copy, cutRound);
            SnapshotFile file = measure(copy);
            Instant created = Instant.ofEpochSecond(clock.millis() / 1000);
            SnapshotManifest manifest = new SnapshotManifest(network, cutRound, tip.height(), tip.hash(),
                    created.getEpochSecond(), Address.fromPublicKey(key.publicKey(), network.networkId()),
                    HexFormat.of().formatHex(key.publicKey().toBytes()), List.of(file));
            byte[] json = manifest.toJson();
            Path packed = work.resolve("archive.tar.gz");
            SnapshotArchive.write(packed, json, ManifestSignature.sign(json, key), copy, created);
            Files.move(packed, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return manifest;
        } catch (IOException e) {
            throw new SnapshotException(SnapshotFailure.IO, "cannot write the archive " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                WorkDirectory.delete(work);
            } catch (IOException e) {
                // a leftover scratch directory is removed by the next run
            }
        }
    }

    private static void copyOnline(Path chainFile, Path copy) throws SnapshotException {
        if (!Files.isRegularFile(chainFile)) {
            throw new SnapshotException(SnapshotFailure.IO, "no chain database at " + chainFile);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(DATABASE_BUSY_MILLIS);
        try (Connection source = config.createConnection("jdbc:sqlite:" + chainFile.toAbsolutePath());
             PreparedStatement vacuum = source.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, copy.toAbsolutePath().toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw new SnapshotException(SnapshotFailure.IO, "cannot copy the chain database " + chainFile + ": "
                    + e.getMessage(), e);
        }
    }

    /** The copy's tip after the cut: its height and hash in hex. */
    private record Tip(long height, String hash) {
    }

    private static Tip cut(Path copy, long cutRound) throws SnapshotException {
        try (Connection connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + copy.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = DELETE");
            statement.execute("PRAGMA secure_delete = ON");
            connection.setAutoCommit(false);
            long last;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COALESCE(MAX(height), 0) FROM pos_chain WHERE round <= ?")) {
                query.setLong(1, cutRound);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    last = rows.getLong(1);
                }
            }
            update(connection, "DELETE FROM pos_messages WHERE block_height > ?", last);
            update(connection, "DELETE FROM pos_chain WHERE height > ?", last);
            update(connection, "DELETE FROM pos_rounds WHERE round > ?", cutRound);
            update(connection, "DELETE FROM round_signatures WHERE round > ?", cutRound);
            // this node's own traffic, uptime and process starts are not the network's data
            statement.execute("DELETE FROM round_stats");
            statement.execute("DELETE FROM node_meta");
            String hash;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT lower(hex(block_hash)) FROM pos_chain WHERE height = ?")) {
                query.setLong(1, last);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        throw new SnapshotException(SnapshotFailure.IO, "the chain database has no genesis block");
                    }
                    hash = rows.getString(1);
                }
            }
            connection.commit();
            return new Tip(last, hash);
        } catch (SQLException e) {
            throw new SnapshotException(SnapshotFailure.IO, "cannot cut the copy after round " + cutRound + ": "
                    + e.getMessage(), e);
        }
    }

    private static void update(Connection connection, String sql, long value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, value);
            statement.executeUpdate();
        }
    }

    private static SnapshotFile measure(Path file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new SnapshotFile(SnapshotArchive.CHAIN, Files.size(file), HexFormat.of().formatHex(sha256.digest()));
    }
}
