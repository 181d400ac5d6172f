package org.hn.pow.ledger;

import java.util.Objects;

/**
 * The PoW ledger cannot answer now: it is missing, unreadable, not in the Bismuth schema, the PoW node is
 * unreachable, or it is late. Checked on purpose: a caller (the round driver) must decide what to do, typically keep the previous
 * round's hypernode list, report "PoW not synced" and retry — never exit ({@code spec/pow.md §5.1, §6.2}).
 */
public final class PowLedgerUnavailableException extends Exception {

    /** Why the ledger could not answer. */
    public enum Reason {
        /** The ledger file does not exist or is not a regular file. */
        MISSING_FILE,
        /** The file exists but is not an SQLite database (or is corrupt). */
        NOT_A_DATABASE,
        /** The database has no {@code transactions} table. */
        MISSING_TABLE,
        /** The {@code transactions} table does not have the 12 columns of {@code spec/pow.md §2.1}. */
        WRONG_SCHEMA,
        /** The {@code transactions} table has no row at all. */
        EMPTY_LEDGER,
        /** No mined block at or before the requested timestamp. */
        NO_REFERENCE_BLOCK,
        /** The reference block has 20 or fewer blocks above it: the PoW node is late ({@code §5.1 step 4}). */
        NOT_CONFIRMED,
        /** The PoW node held a lock for longer than the busy timeout. */
        BUSY,
        /** A numeric cell holds a value that is not a finite number. */
        MALFORMED_VALUE,
        /** Any other I/O or SQLite error while reading. */
        READ_ERROR,
        /** The PoW node could not be reached, closed the connection or did not answer in time ({@code §9.1}). */
        CONNECTION_FAILED,
        /** The PoW node's answer is not a well-formed frame or not the JSON shape expected. */
        BAD_ANSWER,
        /** The PoW node answered {@code false} or 0: it is late or failed to compute the answer ({@code §5.6}). */
        REFUSED
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public PowLedgerUnavailableException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public PowLedgerUnavailableException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The typed reason, for callers that react differently to a late node and a broken file. */
    public Reason reason() {
        return reason;
    }
}
