package org.hn.node.auth;

import com.google.protobuf.ByteString;
import java.util.List;
import org.hn.chain.address.Address;
import org.hn.chain.crypto.InvalidKeyException;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.crypto.PublicKey;
import org.hn.chain.crypto.Signature;

/**
 * One side's proof in an authenticated hello ({@code docs/protocol.md §3}): its 64-byte public key x‖y and its
 * 64-byte signature r‖s over the {@link HelloTranscript}. On the wire the two are consecutive entries of the
 * {@code Command}'s {@code hash_values}.
 *
 * @param key       the signer's public key
 * @param signature the signature over {@link HelloTranscript#signedBytes} for the signer's role
 */
public record HelloProof(PublicKey key, Signature signature) {

    /** Signs a transcript as {@code role}. */
    public static HelloProof sign(PrivateKey key, HelloTranscript transcript, HelloRole role) {
        return new HelloProof(key.publicKey(), key.sign(transcript.signedBytes(role)));
    }

    /**
     * Reads a proof from {@code hash_values[from]} (key) and {@code hash_values[from + 1]} (signature).
     *
     * @throws HelloProofException {@link HelloProofException.Reason#MALFORMED} when an entry is missing, has the wrong
     *                             length, or the key is not a curve point
     */
    public static HelloProof fromHashValues(List<ByteString> values, int from) throws HelloProofException {
        if (values.size() < from + 2 || values.get(from).size() != PublicKey.LENGTH
                || values.get(from + 1).size() != Signature.LENGTH) {
            throw new HelloProofException(HelloProofException.Reason.MALFORMED,
                    "expected a 64-byte key and a 64-byte signature from hash_values[" + from + "]");
        }
        try {
            return new HelloProof(PublicKey.fromBytes(values.get(from).toByteArray()),
                    Signature.fromBytes(values.get(from + 1).toByteArray()));
        } catch (InvalidKeyException e) {
            throw new HelloProofException(HelloProofException.Reason.MALFORMED, e.getMessage());
        }
    }

    /** The key then the signature, as {@code hash_values} entries. */
    public List<ByteString> toHashValues() {
        return List.of(ByteString.copyFrom(key.toBytes()), ByteString.copyFrom(signature.toBytes()));
    }

    /**
     * Checks that the proof is by the owner of {@code address} for this transcript and role.
     *
     * @param networkId the network's address id byte
     * @throws HelloProofException {@link HelloProofException.Reason#KEY_NOT_ADDRESS} or
     *                             {@link HelloProofException.Reason#BAD_SIGNATURE}
     */
    public void verify(HelloTranscript transcript, HelloRole role, String address, byte networkId)
            throws HelloProofException {
        String derived = Address.fromPublicKey(key, networkId);
        if (!derived.equals(address)) {
            throw new HelloProofException(HelloProofException.Reason.KEY_NOT_ADDRESS,
                    "the key derives " + derived + ", the hello announced " + address);
        }
        if (!key.verify(transcript.signedBytes(role), signature)) {
            throw new HelloProofException(HelloProofException.Reason.BAD_SIGNATURE,
                    "the " + role + " signature does not verify over this connection's transcript");
        }
    }
}
