package org.hn.registry.schedule;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.hn.chain.crypto.Blake2b;

/**
 * One forging ticket: a hypernode holds as many tickets per pass as its weight ({@code spec/rounds.md §4.1}).
 *
 * @param posAddress PoS address of the hypernode holding the ticket
 * @param tid        ticket number, global across hypernodes and passes, from 0
 * @param hash       20 bytes, BLAKE2b-160 of the UTF-8 bytes of {@code posAddress + decimal tid}
 */
public record Ticket(String posAddress, int tid, byte[] hash) {

    /** Length of a ticket hash and of a round's reference hash, in bytes. */
    public static final int HASH_BYTES = 20;

    public Ticket {
        Objects.requireNonNull(posAddress, "posAddress");
        Objects.requireNonNull(hash, "hash");
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("a ticket hash has " + HASH_BYTES + " bytes, got " + hash.length);
        }
        hash = hash.clone();
    }

    /** Issues ticket {@code tid} to {@code posAddress}, hashing {@code posAddress + tid} as the reference does. */
    public static Ticket issue(String posAddress, int tid) {
        return new Ticket(posAddress, tid, Blake2b.hash160((posAddress + tid).getBytes(StandardCharsets.UTF_8)));
    }

    /** The ticket hash; a fresh copy. */
    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /**
     * Distance to a round's reference hash: Σ |hash[i] − ref[i]| over the 20 bytes taken unsigned, 0–5100
     * ({@code spec/rounds.md §4.2}; a byte-wise absolute difference, not a Hamming distance).
     *
     * @throws IllegalArgumentException if {@code referenceHash} is not 20 bytes
     */
    public int distanceTo(byte[] referenceHash) {
        requireReferenceHash(referenceHash);
        int distance = 0;
        for (int i = 0; i < HASH_BYTES; i++) {
            distance += Math.abs(Byte.toUnsignedInt(hash[i]) - Byte.toUnsignedInt(referenceHash[i]));
        }
        return distance;
    }

    /**
     * Checks a round's reference hash ({@code spec/rounds.md §4}) before it is used.
     *
     * @throws IllegalArgumentException if it is not 20 bytes
     */
    static void requireReferenceHash(byte[] referenceHash) {
        Objects.requireNonNull(referenceHash, "referenceHash");
        if (referenceHash.length != HASH_BYTES) {
            throw new IllegalArgumentException(
                    "a reference hash has " + HASH_BYTES + " bytes, got " + referenceHash.length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ticket ticket
                && tid == ticket.tid
                && posAddress.equals(ticket.posAddress)
                && Arrays.equals(hash, ticket.hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * posAddress.hashCode() + tid) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "Ticket[" + posAddress + ", tid=" + tid + ", hash=" + HexFormat.of().formatHex(hash) + "]";
    }
}
