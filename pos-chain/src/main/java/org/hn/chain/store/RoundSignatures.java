package org.hn.chain.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hn.chain.address.Address;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.crypto.PublicKey;
import org.hn.chain.crypto.Signature;

/**
 * Round signatures ({@code DESIGN.md §6}): the digest of a round is SHA-256 of the concatenated 20-byte block
 * hashes of its blocks in height order; a forger of the round signs that digest with its PoS key, as the chain
 * signs everything (ECDSA secp256k1 over SHA-1 of the signed bytes, {@code spec/chain.md §3.4}). A late node
 * that fetched a whole round from one peer checks it against the signatures other forgers gave.
 */
public final class RoundSignatures {

    private RoundSignatures() {
    }

    /**
     * The digest of a round's blocks: SHA-256 of their block hashes in height order (sorted here, whatever the
     * order given); SHA-256 of nothing for a round without blocks.
     *
     * @return 32 bytes
     */
    public static byte[] digest(List<PosBlock> blocks) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        blocks.stream().sorted(Comparator.comparingLong(PosBlock::height))
                .forEach(block -> sha256.update(block.blockHash()));
        return sha256.digest();
    }

    /**
     * Signs the digest of a round's blocks.
     *
     * @param round     the round the blocks belong to
     * @param blocks    every block of the round
     * @param key       the forger's PoS key
     * @param networkId the network id byte the forger's address is made with
     * @throws IllegalArgumentException when a block is not of {@code round}
     */
    public static RoundSignature sign(long round, List<PosBlock> blocks, PrivateKey key, byte networkId) {
        requireRound(round, blocks);
        byte[] digest = digest(blocks);
        return new RoundSignature(round, digest, Address.fromPublicKey(key.publicKey(), networkId),
                key.sign(digest).toBytes());
    }

    /**
     * Whether {@code signature} vouches for exactly these blocks: all of its round, with its digest, signed by
     * the key of its forger address. Never throws for a malformed signature: it does not verify.
     *
     * @param blocks    every block of the round as fetched, in any order
     * @param forgerKey the public key of the address that signed
     * @param networkId the network id byte of the forger's address
     */
    public static boolean verify(List<PosBlock> blocks, RoundSignature signature, PublicKey forgerKey,
                                 byte networkId) {
        if (blocks.stream().anyMatch(block -> block.round() != signature.round())
                || !Address.fromPublicKey(forgerKey, networkId).equals(signature.forger())) {
            return false;
        }
        byte[] digest = digest(blocks);
        byte[] signatureBytes = signature.signature();
        return Arrays.equals(digest, signature.digest()) && signatureBytes.length == Signature.LENGTH
                && forgerKey.verify(digest, Signature.fromBytes(signatureBytes));
    }

    private static void requireRound(long round, List<PosBlock> blocks) {
        for (PosBlock block : blocks) {
            if (block.round() != round) {
                throw new IllegalArgumentException("block " + block.height() + " is of round " + block.round()
                        + ", not " + round);
            }
        }
    }
}
