package org.hn.chain.store;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A forger's signature over the digest of one round's block hashes ({@code DESIGN.md §6}), so a late node
 * can fetch a whole round from one peer and check it against the signatures collected from others.
 *
 * @param round     the round number
 * @param digest    digest of the round's block hashes in height order
 * @param forger    PoS address of the signer
 * @param signature the signer's signature r ‖ s over the digest (64 bytes)
 */
public record RoundSignature(long round, byte[] digest, String forger, byte[] signature) {

    public RoundSignature {
        digest = digest.clone();
        Objects.requireNonNull(forger, "forger");
        signature = signature.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoundSignature that && round == that.round && Arrays.equals(digest, that.digest)
                && forger.equals(that.forger) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(round, forger, Arrays.hashCode(digest));
    }

    @Override
    public String toString() {
        return "RoundSignature[round=" + round + ", forger=" + forger + ", digest="
                + HexFormat.of().formatHex(digest) + "]";
    }
}
