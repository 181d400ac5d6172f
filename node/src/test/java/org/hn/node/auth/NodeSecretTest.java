package org.hn.node.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeSecretTest {

    @TempDir
    Path dataDir;

    /** A "random" source that fills every byte with 0x2A, so the file content is known in advance. */
    private static SecureRandom constant() {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0x2A);
            }
        };
    }

    private Path file() {
        return dataDir.resolve("jwt.secret");
    }

    @Test
    void createdOnFirstUseAsOneBase64LineReadableByTheOwnerOnly() throws Exception {
        NodeSecret secret = NodeSecret.loadOrCreate(dataDir, constant());
        // 32 bytes of 0x2A in standard Base64.
        assertEquals("KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=\n", Files.readString(file(), StandardCharsets.US_ASCII));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        byte[] expected = new byte[32];
        java.util.Arrays.fill(expected, (byte) 0x2A);
        assertArrayEquals(expected, secret.key().getEncoded());
        assertEquals("HmacSHA256", secret.key().getAlgorithm());
        try (var leftovers = Files.list(dataDir)) {
            assertEquals(1, leftovers.count());
        }
    }

    @Test
    void reusedOnLaterStarts() throws Exception {
        NodeSecret first = NodeSecret.loadOrCreate(dataDir, new SecureRandom());
        NodeSecret second = NodeSecret.loadOrCreate(dataDir, constant());
        assertArrayEquals(first.key().getEncoded(), second.key().getEncoded());
        assertArrayEquals(Base64.getDecoder().decode(Files.readString(file()).strip()), second.key().getEncoded());
    }

    @Test
    void toolsReadAnExistingSecretAndNeverCreateOne() throws Exception {
        assertEquals(java.util.Optional.empty(), NodeSecret.loadExisting(dataDir));
        assertEquals(false, Files.exists(file()));
        NodeSecret created = NodeSecret.loadOrCreate(dataDir, constant());
        assertArrayEquals(created.key().getEncoded(), NodeSecret.loadExisting(dataDir).orElseThrow().key().getEncoded());
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThrows(NodeSecretException.class, () -> NodeSecret.loadExisting(dataDir), "permissions are checked too");
    }

    @Test
    void aReadOnlyFileIsAccepted() throws Exception {
        NodeSecret.loadOrCreate(dataDir, constant());
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("r--------"));
        assertEquals(32, NodeSecret.loadOrCreate(dataDir, new SecureRandom()).key().getEncoded().length);
    }

    @Test
    void refusedWhenGroupOrOthersMayReadIt() throws Exception {
        NodeSecret.loadOrCreate(dataDir, constant());
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        NodeSecretException refused = assertThrows(NodeSecretException.class,
                () -> NodeSecret.loadOrCreate(dataDir, new SecureRandom()));
        assertEquals(file() + ": permissions rw-r--r-- are wider than rw------- (0600); run chmod 600 on it",
                refused.getMessage());
    }

    @Test
    void refusedWhenNotBase64OrNotThirtyTwoBytes() throws Exception {
        Files.writeString(file(), "this is not base64!\n");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
        NodeSecretException garbage = assertThrows(NodeSecretException.class,
                () -> NodeSecret.loadOrCreate(dataDir, new SecureRandom()));
        assertEquals(file() + ": not Base64; delete it to create a new secret (this revokes every token)",
                garbage.getMessage());

        Files.writeString(file(), Base64.getEncoder().encodeToString(new byte[16]) + "\n");
        NodeSecretException shortKey = assertThrows(NodeSecretException.class,
                () -> NodeSecret.loadOrCreate(dataDir, new SecureRandom()));
        assertEquals(file() + ": 16 bytes, expected 32; delete it to create a new secret (this revokes every token)",
                shortKey.getMessage());

        byte[] binary = new byte[4096];
        new Random(1).nextBytes(binary);
        Files.write(file(), binary);
        assertEquals(file() + ": 4096 bytes, far more than a 32-byte secret; delete it to create a new secret (this"
                + " revokes every token)", assertThrows(NodeSecretException.class,
                        () -> NodeSecret.loadOrCreate(dataDir, new SecureRandom())).getMessage());
    }
}
