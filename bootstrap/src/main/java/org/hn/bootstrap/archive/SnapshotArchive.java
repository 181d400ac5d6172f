package org.hn.bootstrap.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * The layout of a bootstrap archive ({@code spec/ops.md §8.1}, our format): a gzip-compressed tar whose members
 * are, in this order, {@value #MANIFEST} (the {@link org.hn.bootstrap.manifest.SnapshotManifest}),
 * {@value #SIGNATURE} (its 64-byte signature) and {@value #CHAIN} (the chain database, in rollback-journal mode
 * so it is a single file). Only regular files with these bare names are allowed.
 *
 * <p>The gzip header is fixed ({@link #GZIP_HEADER}: no file name, no comment, time 0, OS unknown) so that every
 * byte of an archive is checked: the header by comparison, the deflate data and trailer by gzip's CRC-32 and
 * length, and the content by the manifest's hashes and signature.
 */
public final class SnapshotArchive {

    /** The manifest member. */
    public static final String MANIFEST = "manifest.json";
    /** The manifest signature member: 64 bytes r ‖ s. */
    public static final String SIGNATURE = "manifest.sig";
    /** The chain database member, installed as the data directory's chain file. */
    public static final String CHAIN = "chain.db";
    /** The data files an archive may carry. */
    public static final Set<String> DATA_FILES = Set.of(CHAIN);

    /** The first 10 bytes of every archive: gzip magic, deflate, no flags, mtime 0, XFL 0, OS 255 (unknown). */
    static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private static final int GZIP_LEVEL = 6;
    private static final int FILE_MODE = 0100644;

    private SnapshotArchive() {
    }

    /**
     * Writes an archive to {@code out} (created or replaced).
     *
     * @param chainFile the database file to carry as {@value #CHAIN}
     * @param created   modification time recorded on the members
     * @throws IOException when a file cannot be read or written
     */
    public static void write(Path out, byte[] manifestJson, byte[] signature, Path chainFile, Instant created)
            throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setCompressionLevel(GZIP_LEVEL);
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             GzipCompressorOutputStream compressed = new GzipCompressorOutputStream(file, gzip);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
            putBytes(tar, MANIFEST, manifestJson, created);
            putBytes(tar, SIGNATURE, signature, created);
            TarArchiveEntry entry = entry(CHAIN, Files.size(chainFile), created);
            tar.putArchiveEntry(entry);
            Files.copy(chainFile, tar);
            tar.closeArchiveEntry();
            tar.finish();
        }
    }

    private static void putBytes(TarArchiveOutputStream tar, String name, byte[] content, Instant created)
            throws IOException {
        tar.putArchiveEntry(entry(name, content.length, created));
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, long size, Instant created) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(FILE_MODE);
        entry.setModTime(created.toEpochMilli());
        return entry;
    }
}
