package org.hn.node.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <file>-mode}: a secret file ({@code poswallet.json}, {@code jwt.secret}) must have mode 0600, readable
 * and writable by its owner only. A missing file has the verdict the caller gives: the wallet is the node's
 * identity, while the token secret is simply created at the next start.
 */
public final class FileModeCheck implements Check {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path file;
    private final Verdict whenMissing;
    private final String missingFix;

    /**
     * @param file        the secret file
     * @param whenMissing the verdict when it does not exist (not {@link Verdict#OK})
     * @param missingFix  what to do then
     */
    public FileModeCheck(Path file, Verdict whenMissing, String missingFix) {
        if (whenMissing == Verdict.OK) {
            throw new IllegalArgumentException("a missing secret file is never ok");
        }
        this.file = file;
        this.whenMissing = whenMissing;
        this.missingFix = missingFix;
    }

    @Override
    public String name() {
        return file.getFileName() + "-mode";
    }

    @Override
    public Finding run() {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Finding(name(), whenMissing, file + " does not exist", missingFix);
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return Finding.unknown(name(), "the file system of " + file + " has no POSIX permissions",
                    "keep the data directory on a Linux file system (ext4), not FAT or NTFS");
        } catch (IOException e) {
            return Finding.fail(name(), "cannot read the permissions of " + file + ": " + e.getMessage(),
                    "run the doctor as the user that runs the node");
        }
        String mode = PosixFilePermissions.toString(permissions);
        if (!permissions.equals(OWNER_ONLY)) {
            return Finding.fail(name(), file + " has mode " + mode + ", not rw-------", "chmod 600 " + file);
        }
        return Finding.ok(name(), file + " has mode rw-------");
    }
}
