package org.hn.bootstrap.archive;

import java.nio.file.Path;
import java.util.Map;

/**
 * The members of an archive after {@link ArchiveReader#extract}: the manifest and signature bytes, and the data
 * files written to a directory with their measured size and SHA-256. Nothing here is checked against the
 * manifest yet.
 *
 * @param manifestJson the {@code manifest.json} bytes
 * @param signature    the {@code manifest.sig} bytes
 * @param directory    where the data files were written
 * @param files        each data file's name → its measured size and SHA-256 (hex)
 */
public record ExtractedArchive(byte[] manifestJson, byte[] signature, Path directory, Map<String, Measured> files) {

    public ExtractedArchive {
        files = Map.copyOf(files);
    }

    /** A data file as written: its length in bytes and its SHA-256 in lower-case hex. */
    public record Measured(long size, String sha256) {
    }
}
