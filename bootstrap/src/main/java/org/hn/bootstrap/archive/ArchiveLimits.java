package org.hn.bootstrap.archive;

/**
 * Size caps applied while an archive is read, before anything is trusted ({@code spec/ops.md §8.1}, careful
 * implementation item 2).
 *
 * @param maxManifestBytes largest {@code manifest.json} accepted, in bytes
 * @param maxDatabaseBytes largest data file (the chain database) accepted, in bytes
 */
public record ArchiveLimits(long maxManifestBytes, long maxDatabaseBytes) {

    /** 64 KiB of manifest and a 16 GiB chain: the mainnet chain is a few hundred MiB. */
    public static final ArchiveLimits DEFAULTS = new ArchiveLimits(64 * 1024, 16L * 1024 * 1024 * 1024);
}
