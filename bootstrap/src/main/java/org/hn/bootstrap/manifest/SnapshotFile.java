package org.hn.bootstrap.manifest;

/**
 * One data-directory file carried by a snapshot, as the manifest lists it.
 *
 * @param name   the member name, a bare file name of the data directory (e.g. {@code chain.db})
 * @param size   its length in bytes
 * @param sha256 SHA-256 of its content, 64 lower-case hex digits
 */
public record SnapshotFile(String name, long size, String sha256) {
}
