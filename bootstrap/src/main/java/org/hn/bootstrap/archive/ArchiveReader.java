package org.hn.bootstrap.archive;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.SnapshotFailure;

/**
 * Reads a bootstrap archive member by member, refusing anything outside the {@link SnapshotArchive} layout
 * before it touches the disk ({@code spec/ops.md §8.1}, careful implementation item 2): absolute names,
 * {@code ..} segments, links, non-regular members, unknown or repeated names, oversized members, a foreign gzip
 * header, and a stream that ends early or fails gzip's CRC-32.
 */
public final class ArchiveReader {

    private static final int SIGNATURE_MAX_BYTES = 1024;
    private static final int BUFFER = 1 << 16;

    private ArchiveReader() {
    }

    /**
     * Extracts an archive: manifest and signature into memory, data files into {@code directory}.
     *
     * @param directory an existing empty directory, used by nobody else
     * @throws SnapshotException with the reason of the first refused member or stream defect; data files
     *                           already written stay in {@code directory} for the caller to delete
     */
    public static ExtractedArchive extract(Path archive, Path directory, ArchiveLimits limits)
            throws SnapshotException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), BUFFER)) {
            checkHeader(file, archive);
            return readMembers(file, directory, limits);
        } catch (IOException e) {
            throw new SnapshotException(SnapshotFailure.IO, "cannot read " + archive + ": " + e.getMessage(), e);
        }
    }

    private static void checkHeader(InputStream file, Path archive) throws IOException, SnapshotException {
        file.mark(SnapshotArchive.GZIP_HEADER.length);
        byte[] header = file.readNBytes(SnapshotArchive.GZIP_HEADER.length);
        if (!Arrays.equals(header, SnapshotArchive.GZIP_HEADER)) {
            throw new SnapshotException(SnapshotFailure.NOT_A_SNAPSHOT, archive + " does not start with the gzip"
                    + " header of a bootstrap archive (" + HexFormat.of().formatHex(header) + ")");
        }
        file.reset();
    }

    private static ExtractedArchive readMembers(InputStream file, Path directory, ArchiveLimits limits)
            throws SnapshotException, IOException {
        byte[] manifest = null;
        byte[] signature = null;
        Map<String, ExtractedArchive.Measured> files = new HashMap<>();
        try (GzipCompressorInputStream gzip = new GzipCompressorInputStream(file, false);
             TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = nextEntry(tar)) != null) {
                String name = checkedName(entry);
                if (name.equals(SnapshotArchive.MANIFEST) && manifest == null) {
                    manifest = readSmall(tar, entry, limits.maxManifestBytes());
                } else if (name.equals(SnapshotArchive.SIGNATURE) && signature == null) {
                    signature = readSmall(tar, entry, SIGNATURE_MAX_BYTES);
                } else if (SnapshotArchive.DATA_FILES.contains(name) && !files.containsKey(name)) {
                    files.put(name, copyOut(tar, entry, directory.resolve(name), limits.maxDatabaseBytes()));
                } else {
                    throw new SnapshotException(SnapshotFailure.UNEXPECTED_MEMBER, "member '" + name + "' is "
                            + (SnapshotArchive.DATA_FILES.contains(name) || name.equals(SnapshotArchive.MANIFEST)
                               || name.equals(SnapshotArchive.SIGNATURE) ? "repeated" : "not part of the format"));
                }
            }
            drain(gzip);
        }
        if (manifest == null || signature == null) {
            throw new SnapshotException(SnapshotFailure.BAD_MANIFEST, "the archive has no "
                    + (manifest == null ? SnapshotArchive.MANIFEST : SnapshotArchive.SIGNATURE));
        }
        return new ExtractedArchive(manifest, signature, directory, files);
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws SnapshotException {
        try {
            return tar.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            throw broken(e);
        }
    }

    /** The member's name once it is a bare, relative, regular-file name. */
    private static String checkedName(TarArchiveEntry entry) throws SnapshotException {
        String name = entry.getName();
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            throw new SnapshotException(SnapshotFailure.ABSOLUTE_PATH, "member '" + name + "' is absolute");
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw new SnapshotException(SnapshotFailure.PATH_TRAVERSAL, "member '" + name + "' climbs out with ..");
            }
        }
        if (entry.isSymbolicLink() || entry.isLink()) {
            throw new SnapshotException(SnapshotFailure.LINK_MEMBER, "member '" + name + "' is a link to '"
                    + entry.getLinkName() + "'");
        }
        if (!entry.isFile() || entry.isDirectory()) {
            throw new SnapshotException(SnapshotFailure.NOT_REGULAR_FILE, "member '" + name
                    + "' is not a regular file");
        }
        return name;
    }

    private static byte[] readSmall(InputStream tar, TarArchiveEntry entry, long maxBytes) throws SnapshotException {
        requireWithin(entry, maxBytes);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try {
            transfer(tar, content, entry, maxBytes, null);
        } catch (IOException e) {
            throw broken(e);
        }
        return content.toByteArray();
    }

    private static ExtractedArchive.Measured copyOut(InputStream tar, TarArchiveEntry entry, Path target,
                                                     long maxBytes) throws SnapshotException {
        requireWithin(entry, maxBytes);
        MessageDigest sha256 = sha256();
        long size;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            size = transfer(tar, out, entry, maxBytes, sha256);
        } catch (WriteFailure e) {
            throw new SnapshotException(SnapshotFailure.IO, "cannot write " + target + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (IOException e) {
            throw broken(e);
        }
        return new ExtractedArchive.Measured(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private static void requireWithin(TarArchiveEntry entry, long maxBytes) throws SnapshotException {
        if (entry.getSize() > maxBytes) {
            throw new SnapshotException(SnapshotFailure.TOO_LARGE, "member '" + entry.getName() + "' is "
                    + entry.getSize() + " bytes, more than " + maxBytes);
        }
    }

    /** An output failure, told apart from a broken input stream. */
    private static final class WriteFailure extends IOException {
        private static final long serialVersionUID = 1L;

        WriteFailure(IOException cause) {
            super(cause);
        }
    }

    /**
     * Copies one member's content, counting it against both its declared size and the cap: the tar stream
     * stops at the declared size, and a short member means a truncated archive.
     */
    private static long transfer(InputStream tar, OutputStream out, TarArchiveEntry entry, long maxBytes,
                                 MessageDigest digest) throws IOException, SnapshotException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int read;
        while ((read = tar.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                throw new SnapshotException(SnapshotFailure.TOO_LARGE, "member '" + entry.getName()
                        + "' is more than " + maxBytes + " bytes");
            }
            if (digest != null) {
                digest.update(buffer, 0, read);
            }
            try {
                out.write(buffer, 0, read);
            } catch (IOException e) {
                throw new WriteFailure(e);
            }
        }
        if (total != entry.getSize()) {
            throw new SnapshotException(SnapshotFailure.TRUNCATED, "member '" + entry.getName() + "' ends after "
                    + total + " of " + entry.getSize() + " bytes");
        }
        return total;
    }

    /** Reads the rest of the gzip stream, so that its CRC-32 and length trailer are checked. */
    private static void drain(InputStream gzip) throws SnapshotException {
        byte[] buffer = new byte[BUFFER];
        try {
            while (gzip.read(buffer) != -1) {
                // tar padding after the end-of-archive records
            }
        } catch (IOException e) {
            throw broken(e);
        }
    }

    private static SnapshotException broken(Exception e) {
        return new SnapshotException(SnapshotFailure.TRUNCATED, "the archive stream is broken: " + e.getMessage(), e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
