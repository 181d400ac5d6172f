package org.hn.node.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The pinned release public key (Ed25519, JDK provider) that every release manifest must be signed with. Its
 * file holds the base64 of the key's X.509 encoding on one line; lines starting with {@code #} are comments.
 */
public final class ReleaseKey {

    private final PublicKey key;

    ReleaseKey(PublicKey key) {
        this.key = key;
    }

    /**
     * Reads a public key file.
     *
     * @throws IOException if the file cannot be read or does not hold an Ed25519 public key
     */
    public static ReleaseKey read(Path file) throws IOException {
        byte[] encoded = KeyFiles.decode(file);
        try {
            return new ReleaseKey(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " does not hold an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** True if {@code signature} is this key's Ed25519 signature of exactly {@code data}. */
    public boolean verifies(byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // a malformed signature (wrong length, bad encoding) is just not a valid one
            return false;
        }
    }

    /** Writes the key file (world-readable: it is public). */
    public void write(Path file, String comment) throws IOException {
        Files.writeString(file, "# " + comment + "\n" + Base64.getEncoder().encodeToString(key.getEncoded()) + "\n",
                StandardCharsets.US_ASCII);
    }
}
