package org.hn.pow.ledger;

import java.util.List;
import org.hn.config.Network;

/**
 * What a hypernode needs from the PoW chain ({@code spec/pow.md §3, §5}). Implementations read the Bismuth
 * {@code ledger.db} directly or ask the PoW node; each call is self-contained (no state held between calls),
 * except inside {@link #readTogether}.
 */
public interface PowLedger {

    /** Registrations are never read at or below this height ({@code spec/pow.md §5.2}). */
    long REGISTRATION_CHECKPOINT = 773_800L;

    /**
     * The highest block with its coinbase timestamp ({@code §6.4}, careful variant).
     *
     * @throws PowLedgerUnavailableException EMPTY_LEDGER, or when the ledger cannot be read
     */
    BlockStamp tip() throws PowLedgerUnavailableException;

    /**
     * The last block mined at or before {@code referenceTimestamp} (inclusive), provided more than 20 blocks exist
     * above it ({@code §5.1 steps 3–4}).
     *
     * @param referenceTimestamp unix seconds
     * @throws PowLedgerUnavailableException NO_REFERENCE_BLOCK, NOT_CONFIRMED (PoW node late), or when the ledger
     *                                       cannot be read
     */
    ReferenceBlock referenceBlock(double referenceTimestamp) throws PowLedgerUnavailableException;

    /**
     * The reference block of a round: {@link #referenceBlock(double)} at {@link RoundReference#referenceTimestamp}.
     *
     * @throws PowLedgerUnavailableException as {@link #referenceBlock(double)}
     */
    default ReferenceBlock referenceBlockOfRound(Network network, long round) throws PowLedgerUnavailableException {
        return referenceBlock(RoundReference.referenceTimestamp(network, round));
    }

    /**
     * Credits and debits of an address at a height, exact ({@code §3}).
     *
     * @param address PoW address
     * @param height  inclusive height limit
     * @param filter  which rows count by height
     * @throws PowLedgerUnavailableException when the ledger cannot be read or holds a non-finite amount
     */
    Balance balance(String address, long height, HeightFilter filter) throws PowLedgerUnavailableException;

    /**
     * Register and unregister rows with {@code fromHeight <= block_height <= toHeight}, ordered by height then by
     * position inside the block ({@code §5.3}).
     *
     * @throws PowLedgerUnavailableException when the ledger cannot be read
     */
    List<RegistrationRow> registrationRows(long fromHeight, long toHeight) throws PowLedgerUnavailableException;

    /**
     * The latest {@code color:<name>} row of each color whose <em>sender</em> is
     * {@link org.hn.pow.address.PowAddress#CONTROL}, among blocks at or below {@code throughHeight}
     * ({@code §8.1}, careful variant of {@code §8.2}): a row sent by anyone else, including one sent <em>to</em>
     * the control address, is never returned. Latest = highest block, then last inside its block.
     *
     * @param throughHeight inclusive; pass a confirmed height (a round's reference block) so that only colors with
     *                      more than 20 confirmations are in force
     * @return one row per color, ordered by color name
     * @throws PowLedgerUnavailableException when the ledger cannot be read
     */
    List<ColoredListRow> coloredListRows(long throughHeight) throws PowLedgerUnavailableException;

    /**
     * Runs many reads through one open view of the ledger, for a caller that reads many times in a row (the
     * registration fold reads one collateral balance per registration). Every read of the view returns what the
     * same call on this ledger would have returned during the view; an implementation may answer repeated reads
     * from what it read before (the rows of an address), and pays the cost of reaching the ledger (a connection,
     * a schema check) once. This default runs the reads on the ledger itself.
     *
     * @throws PowLedgerUnavailableException when the ledger cannot be opened, or as thrown by {@code reads}
     */
    default <T> T readTogether(LedgerReads<T> reads) throws PowLedgerUnavailableException {
        return reads.run(this);
    }
}
