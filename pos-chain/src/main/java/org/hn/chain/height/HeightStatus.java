package org.hn.chain.height;

import java.util.Comparator;
import java.util.Objects;

/**
 * A chain's height status: its tip and the metrics peers rank chains by ({@code spec/chain.md §9.1}).
 *
 * @param height        tip height
 * @param round         tip round
 * @param sir           tip slot in round
 * @param blockHash     tip block hash, lowercase hex (40 characters; empty for an unknown block)
 * @param uniques       distinct tx senders over blocks 1 … last block before the tip round
 * @param uniquesRound  distinct tx senders over the tip round's blocks
 * @param forgers       distinct forgers over blocks 1 … last block before the tip round
 * @param forgersRound  distinct forgers over the tip round's blocks
 */
public record HeightStatus(
        long height,
        long round,
        int sir,
        String blockHash,
        long uniques,
        long uniquesRound,
        long forgers,
        long forgersRound) {

    /**
     * The ranking of {@code spec/chain.md §10.1} step 4, best chain first: more forgers, then uniques, round,
     * height, forgers of the round, uniques of the round, then the greater hex hash.
     */
    public static final Comparator<HeightStatus> BEST_FIRST = Comparator
            .comparingLong(HeightStatus::forgers)
            .thenComparingLong(HeightStatus::uniques)
            .thenComparingLong(HeightStatus::round)
            .thenComparingLong(HeightStatus::height)
            .thenComparingLong(HeightStatus::forgersRound)
            .thenComparingLong(HeightStatus::uniquesRound)
            .thenComparing(HeightStatus::blockHash)
            .reversed();

    public HeightStatus {
        Objects.requireNonNull(blockHash, "blockHash");
    }

    /** {@code same_height}: equal height, round, sir and block hash (§10.2). */
    public boolean sameHeight(HeightStatus other) {
        return height == other.height && round == other.round && sir == other.sir
                && blockHash.equals(other.blockHash);
    }

    /** {@code heights_match}: {@link #sameHeight} and equal round metrics (§10.2), the promise of a round sync. */
    public boolean heightsMatch(HeightStatus other) {
        return sameHeight(other) && uniquesRound == other.uniquesRound && forgersRound == other.forgersRound;
    }

    /** {@code first_height_is_better(this, other)}: false for the same hash, else whether this ranks first (§10.2). */
    public boolean isBetterThan(HeightStatus other) {
        return !blockHash.equals(other.blockHash) && BEST_FIRST.compare(this, other) < 0;
    }
}
