package org.hn.bootstrap.manifest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.SnapshotFailure;
import org.hn.chain.address.Address;
import org.hn.chain.crypto.InvalidKeyException;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.crypto.PublicKey;
import org.hn.chain.crypto.Signature;

/**
 * The signature of a manifest by a node's PoS key ({@code spec/ops.md §8.1}, careful implementation item 1):
 * the key's ECDSA signature (64 bytes r ‖ s) of SHA-256 of the exact manifest bytes. The chain's signing scheme
 * digests with SHA-1; hashing with SHA-256 first keeps chosen-prefix SHA-1 collisions out of reach, since an
 * attacker cannot steer SHA-256 outputs.
 */
public final class ManifestSignature {

    private ManifestSignature() {
    }

    /** Signs manifest bytes with the node's PoS key: 64 bytes r ‖ s. */
    public static byte[] sign(byte[] manifestJson, PrivateKey key) {
        return key.sign(sha256(manifestJson)).toBytes();
    }

    /**
     * Checks that {@code signature} was made over {@code manifestJson} by the key the manifest names, that the
     * named address derives from that key, and that the signer is trusted.
     *
     * @param trustedSigners PoS addresses whose archives are accepted; empty accepts any signer whose signature
     *                       verifies (the chain inside is still fully validated)
     * @throws SnapshotException {@link SnapshotFailure#BAD_SIGNATURE} or {@link SnapshotFailure#UNTRUSTED_SIGNER}
     */
    public static void verify(byte[] manifestJson, SnapshotManifest manifest, byte[] signature,
                              Set<String> trustedSigners) throws SnapshotException {
        PublicKey key;
        try {
            key = PublicKey.fromBytes(manifest.signerKeyBytes());
        } catch (InvalidKeyException e) {
            throw new SnapshotException(SnapshotFailure.BAD_SIGNATURE, "the signer key is not a key: " + e.getMessage());
        }
        String derived = Address.fromPublicKey(key, manifest.network().networkId());
        if (!derived.equals(manifest.signer())) {
            throw new SnapshotException(SnapshotFailure.BAD_SIGNATURE, "the signer key is the key of " + derived
                    + ", not of the named signer " + manifest.signer());
        }
        if (signature.length != Signature.LENGTH || !key.verify(sha256(manifestJson), Signature.fromBytes(signature))) {
            throw new SnapshotException(SnapshotFailure.BAD_SIGNATURE, "the manifest signature is not "
                    + manifest.signer() + "'s");
        }
        if (!trustedSigners.isEmpty() && !trustedSigners.contains(manifest.signer())) {
            throw new SnapshotException(SnapshotFailure.UNTRUSTED_SIGNER, "signed by " + manifest.signer()
                    + ", trusted: " + String.join(", ", trustedSigners.stream().sorted().toList()));
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
