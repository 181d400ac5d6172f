package org.hn.node.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The private half of the release key, kept offline by whoever publishes releases ({@code hn release keygen},
 * {@code hn release sign}). Its file holds the base64 of the PKCS#8 encoding and is created with mode 0600.
 */
public final class ReleaseSigningKey {

    /** A freshly generated key: the signing half and the public half operators pin. */
    public record Pair(ReleaseSigningKey signingKey, ReleaseKey releaseKey) {
    }

    private final PrivateKey key;

    private ReleaseSigningKey(PrivateKey key) {
        this.key = key;
    }

    /** A new random Ed25519 key pair. */
    public static Pair generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new Pair(new ReleaseSigningKey(pair.getPrivate()), new ReleaseKey(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
        }
    }

    /**
     * Reads a private key file.
     *
     * @throws IOException if the file cannot be read or does not hold an Ed25519 private key
     */
    public static ReleaseSigningKey read(Path file) throws IOException {
        byte[] encoded = KeyFiles.decode(file);
        try {
            return new ReleaseSigningKey(
                    KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " does not hold an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** Ed25519 signature of {@code data} (64 bytes). */
    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 key signs any data", e);
        }
    }

    /**
     * Writes the private key file with mode 0600; refuses to overwrite an existing file.
     *
     * @throws java.nio.file.FileAlreadyExistsException if the file exists
     */
    public void write(Path file) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "# hn release signing key: keep offline, never publish\n"
                + Base64.getEncoder().encodeToString(key.getEncoded()) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
    }
}
