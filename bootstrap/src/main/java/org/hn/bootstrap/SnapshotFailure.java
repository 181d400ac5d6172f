package org.hn.bootstrap;

/**
 * Why a bootstrap archive is refused or a snapshot cannot be made ({@code spec/ops.md §8.1}, careful
 * implementation items 1–3). Each reason is one check; the CLI prints its name and exits non-zero.
 */
public enum SnapshotFailure {
    /** The file cannot be read or written, or a download failed. */
    IO("the archive cannot be read or written"),
    /** Not a gzip stream with our fixed header (no name, no comment, time 0), or not a tar inside. */
    NOT_A_SNAPSHOT("not a bootstrap archive"),
    /** The archive ends before its last member or its gzip trailer; or its gzip checksum fails. */
    TRUNCATED("the archive is truncated or its compressed data is corrupt"),
    /** A member name is absolute. */
    ABSOLUTE_PATH("a member has an absolute path"),
    /** A member name has a {@code ..} segment (it would land outside the data directory). */
    PATH_TRAVERSAL("a member path leaves the target directory"),
    /** A member is a symbolic or hard link. */
    LINK_MEMBER("a member is a link"),
    /** A member is not a regular file (a directory, device, fifo…). */
    NOT_REGULAR_FILE("a member is not a regular file"),
    /** A member is not one the format knows, or appears twice. */
    UNEXPECTED_MEMBER("a member is not part of the snapshot format"),
    /** A member is larger than the limit for its kind. */
    TOO_LARGE("a member is larger than allowed"),
    /** The manifest or its signature member is missing, unreadable, or says something impossible. */
    BAD_MANIFEST("the manifest is missing or malformed"),
    /** The manifest's signature does not verify with the signer key it names. */
    BAD_SIGNATURE("the manifest signature does not verify"),
    /** The signer is not one of the trusted signers. */
    UNTRUSTED_SIGNER("the archive was signed by an untrusted key"),
    /** A file listed in the manifest is missing from the archive. */
    MISSING_FILE("a file of the manifest is missing"),
    /** A file's size or SHA-256 differs from the manifest. */
    HASH_MISMATCH("a file does not match its size or SHA-256 in the manifest"),
    /** {@code PRAGMA integrity_check} does not answer {@code ok}, or SQLite cannot open the database. */
    INTEGRITY("the database fails SQLite's integrity check"),
    /** The chain inside is not valid: genesis, hash links, block hashes or signatures. */
    INVALID_CHAIN("the chain inside fails validation"),
    /** The chain's tip is not the manifest's height and hash, or it is another network's chain. */
    MANIFEST_MISMATCH("the chain does not match the manifest"),
    /** The import target already holds a chain and {@code --force} was not given, or it is in use. */
    TARGET_NOT_EMPTY("the data directory already holds a chain");

    private final String description;

    SnapshotFailure(String description) {
        this.description = description;
    }

    /** A short human explanation, for logs and CLI output. */
    public String description() {
        return description;
    }
}
