package org.hn.pow.ledger;

/**
 * A run of reads made through one open view of a {@link PowLedger} ({@link PowLedger#readTogether}).
 *
 * @param <T> what the reads produce
 */
@FunctionalInterface
public interface LedgerReads<T> {

    /**
     * @param view the ledger to read from; valid only until this method returns
     * @throws PowLedgerUnavailableException when a read fails; it ends the run
     */
    T run(PowLedger view) throws PowLedgerUnavailableException;
}
