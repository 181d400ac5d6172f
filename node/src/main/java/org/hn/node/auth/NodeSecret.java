package org.hn.node.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The node-local HS256 key that signs and verifies client tokens ({@code DESIGN.md §4}): 32 random bytes kept
 * as one line of standard Base64 in {@code <data dir>/jwt.secret}, created at first start readable by the owner
 * only (mode 0600 from the moment the file exists, like the PoS wallet). Deleting the file revokes every token
 * issued so far.
 */
public final class NodeSecret {

    /** The secret's file name inside the data directory. */
    public static final String FILE_NAME = "jwt.secret";
    /** Key length in bytes: the HS256 minimum. */
    public static final int LENGTH = 32;

    /** Longer files are not read: the Base64 line of 32 bytes is 45 characters with its newline. */
    private static final int MAX_FILE_BYTES = 1024;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final SecretKey key;

    private NodeSecret(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /**
     * Reads {@code <dataDir>/jwt.secret}, or creates it with {@code random} bytes when it does not exist.
     *
     * @throws NodeSecretException when the file is readable by group or others (permissions wider than 0600), is
     *                             not a symbolic-link-free regular file, is not Base64 of exactly 32 bytes, or
     *                             cannot be read or written
     */
    public static NodeSecret loadOrCreate(Path dataDir, SecureRandom random) throws NodeSecretException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = new byte[LENGTH];
            random.nextBytes(bytes);
            create(file, bytes);
            return new NodeSecret(bytes);
        }
        return new NodeSecret(read(file));
    }

    /**
     * Reads {@code <dataDir>/jwt.secret} without ever creating it, for command-line tools, which must not change a
     * node's files.
     *
     * @return empty when the file does not exist (the node never started)
     * @throws NodeSecretException when the file exists but cannot be used, as for {@link #loadOrCreate}
     */
    public static Optional<NodeSecret> loadExisting(Path dataDir) throws NodeSecretException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(new NodeSecret(read(file)));
    }

    /** The HMAC-SHA256 key. */
    SecretKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "NodeSecret[" + LENGTH + " bytes]";
    }

    private static void create(Path file, byte[] bytes) throws NodeSecretException {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".jwt", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII,
                        StandardOpenOption.TRUNCATE_EXISTING);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (UnsupportedOperationException e) {
            throw new NodeSecretException(file + ": the file system has no POSIX permissions; the token secret"
                    + " must be readable by its owner only", e);
        } catch (IOException e) {
            throw new NodeSecretException(file + ": cannot be created (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] read(Path file) throws NodeSecretException {
        String text;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new NodeSecretException(file + ": not a regular file");
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new NodeSecretException(file + ": permissions " + PosixFilePermissions.toString(permissions)
                        + " are wider than rw------- (0600); run chmod 600 on it");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new NodeSecretException(file + ": " + Files.size(file) + " bytes, far more than a 32-byte secret;"
                        + " delete it to create a new secret (this revokes every token)");
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (UnsupportedOperationException e) {
            throw new NodeSecretException(file + ": the file system has no POSIX permissions to check", e);
        } catch (IOException e) {
            throw new NodeSecretException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new NodeSecretException(file + ": not Base64; delete it to create a new secret (this revokes every"
                    + " token)");
        }
        if (bytes.length != LENGTH) {
            throw new NodeSecretException(file + ": " + bytes.length + " bytes, expected " + LENGTH
                    + "; delete it to create a new secret (this revokes every token)");
        }
        return bytes;
    }
}
