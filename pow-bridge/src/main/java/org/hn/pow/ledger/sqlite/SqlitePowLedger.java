package org.hn.pow.ledger.sqlite;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hn.pow.address.PowAddress;
import org.hn.pow.ledger.Balance;
import org.hn.pow.ledger.BlockStamp;
import org.hn.pow.ledger.ColoredListRow;
import org.hn.pow.ledger.HeightFilter;
import org.hn.pow.ledger.LedgerReads;
import org.hn.pow.ledger.PowLedger;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.PowLedgerUnavailableException.Reason;
import org.hn.pow.ledger.ReferenceBlock;
import org.hn.pow.ledger.RegistrationRow;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * Reads a Bismuth {@code ledger.db} directly ({@code spec/pow.md §2, §3, §5, §8}), safely while the PoW node writes.
 *
 * <p>Every call opens its own read-only connection ({@code mode=ro}), checks the schema, runs a single SQL
 * statement (one implicit read transaction, so one consistent snapshot) and closes it; {@link #readTogether}
 * shares one such connection among many calls, each still a single statement. No lock is held between
 * calls, so the PoW node's writer is never kept waiting by an idle hypernode, and a ledger replaced on disk
 * (re-bootstrap) is picked up at the next call. While the PoW node commits, SQLite waits up to the busy
 * timeout. Thread-safe.
 */
public final class SqlitePowLedger implements PowLedger {

    /** Busy timeout recommended by {@code spec/pow.md §9.2}. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

    private static final String TIP_SQL = "SELECT block_height, timestamp FROM transactions "
            + "WHERE block_height = (SELECT max(block_height) FROM transactions) AND reward > 0 LIMIT 1";
    private static final String REFERENCE_SQL = "SELECT (SELECT max(block_height) FROM transactions "
            + "WHERE timestamp <= ? AND reward > 0), (SELECT max(block_height) FROM transactions)";
    // One statement for both sides so that credits and debits come from the same snapshot.
    private static final String BALANCE_SQL = "SELECT 1, amount, reward FROM transactions "
            + "WHERE recipient = ? AND %1$s UNION ALL SELECT 0, amount, fee FROM transactions "
            + "WHERE address = ? AND %1$s";
    private static final String PLAIN_BALANCE_SQL = String.format(BALANCE_SQL, "block_height <= ?");
    private static final String MIRROR_AWARE_BALANCE_SQL = String.format(BALANCE_SQL, "abs(block_height) <= ?");
    private static final String REGISTRATIONS_SQL = "SELECT block_height, address, operation, openfield, timestamp "
            + "FROM transactions WHERE block_height BETWEEN ? AND ? AND operation IN (?, ?) "
            + "ORDER BY block_height, rowid";
    // substr() rather than LIKE: LIKE ignores ASCII case, and "COLOR:white" is not a colored list.
    private static final String COLORED_LISTS_SQL = "SELECT operation, openfield, block_height FROM transactions "
            + "WHERE address = ? AND substr(operation, 1, ?) = ? AND block_height <= ? ORDER BY block_height, rowid";

    private final Path ledgerFile;
    private final Duration busyTimeout;

    /**
     * @param ledgerFile  path of {@code static/ledger.db}; it need not exist yet (calls fail with MISSING_FILE)
     * @param busyTimeout how long a call waits for the PoW node's write lock
     */
    public SqlitePowLedger(Path ledgerFile, Duration busyTimeout) {
        this.ledgerFile = Objects.requireNonNull(ledgerFile, "ledgerFile");
        this.busyTimeout = Objects.requireNonNull(busyTimeout, "busyTimeout");
    }

    /** A reader with the {@linkplain #DEFAULT_BUSY_TIMEOUT default busy timeout}. */
    public SqlitePowLedger(Path ledgerFile) {
        this(ledgerFile, DEFAULT_BUSY_TIMEOUT);
    }

    @Override
    public BlockStamp tip() throws PowLedgerUnavailableException {
        try (OpenLedger open = open(false)) {
            return open.tip();
        }
    }

    @Override
    public ReferenceBlock referenceBlock(double referenceTimestamp) throws PowLedgerUnavailableException {
        try (OpenLedger open = open(false)) {
            return open.referenceBlock(referenceTimestamp);
        }
    }

    @Override
    public Balance balance(String address, long height, HeightFilter filter) throws PowLedgerUnavailableException {
        try (OpenLedger open = open(false)) {
            return open.balance(address, height, filter);
        }
    }

    @Override
    public List<RegistrationRow> registrationRows(long fromHeight, long toHeight)
            throws PowLedgerUnavailableException {
        try (OpenLedger open = open(false)) {
            return open.registrationRows(fromHeight, toHeight);
        }
    }

    @Override
    public List<ColoredListRow> coloredListRows(long throughHeight) throws PowLedgerUnavailableException {
        try (OpenLedger open = open(false)) {
            return open.coloredListRows(throughHeight);
        }
    }

    /**
     * Runs {@code reads} on one read-only connection, whose schema is checked once and whose statements are
     * prepared once. No transaction spans the reads: each statement still runs in its own implicit read
     * transaction, released as soon as its rows are read, so the PoW node's writer waits no longer than it
     * would for separate calls. Plain-filter balances of an address are computed from all its rows, read at the
     * view's first balance of that address ({@link AddressHistory}): later balances of the address, at any
     * height, come from that one snapshot.
     */
    @Override
    public <T> T readTogether(LedgerReads<T> reads) throws PowLedgerUnavailableException {
        try (OpenLedger open = open(true)) {
            return reads.run(open);
        }
    }

    /** One read-only connection with its prepared statements; used by one thread, then closed. */
    private final class OpenLedger implements PowLedger, AutoCloseable {

        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();
        /** Null when every balance is its own query. */
        private final Map<String, AddressHistory> histories;

        private OpenLedger(Connection connection, boolean remembersHistories) {
            this.connection = connection;
            this.histories = remembersHistories ? new HashMap<>() : null;
        }

        private Balance balanceFromHistory(String address, long height) throws PowLedgerUnavailableException {
            AddressHistory history = histories.get(address);
            if (history == null) {
                try {
                    PreparedStatement query = statement(AddressHistory.ROWS_SQL);
                    query.setString(1, address);
                    query.setString(2, address);
                    try (ResultSet rows = query.executeQuery()) {
                        history = AddressHistory.read(rows);
                    }
                } catch (SQLException e) {
                    throw translate(e);
                }
                histories.put(address, history);
            }
            return history.at(height);
        }

        private PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement prepared = statements.get(sql);
            if (prepared == null) {
                prepared = connection.prepareStatement(sql);
                statements.put(sql, prepared);
            }
            return prepared;
        }

        @Override
        public BlockStamp tip() throws PowLedgerUnavailableException {
            try (ResultSet result = statement(TIP_SQL).executeQuery()) {
                if (!result.next()) {
                    throw new PowLedgerUnavailableException(Reason.EMPTY_LEDGER,
                            "no row, or no coinbase row at the highest height, in " + ledgerFile);
                }
                return new BlockStamp(result.getLong(1), NumericCell.decimal(result.getObject(2)));
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public ReferenceBlock referenceBlock(double referenceTimestamp) throws PowLedgerUnavailableException {
            long reference;
            long tip;
            try {
                PreparedStatement query = statement(REFERENCE_SQL);
                query.setDouble(1, referenceTimestamp);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    reference = result.getLong(1);
                    boolean noReference = result.wasNull();
                    tip = result.getLong(2);
                    if (result.wasNull()) {
                        throw new PowLedgerUnavailableException(Reason.EMPTY_LEDGER, "no row in " + ledgerFile);
                    }
                    if (noReference) {
                        throw new PowLedgerUnavailableException(Reason.NO_REFERENCE_BLOCK,
                                "no block mined at or before " + BigDecimal.valueOf(referenceTimestamp).toPlainString());
                    }
                }
            } catch (SQLException e) {
                throw translate(e);
            }
            ReferenceBlock block = new ReferenceBlock(reference, tip);
            if (block.confirmations() <= ReferenceBlock.CONFIRMATION_MARGIN) {
                throw new PowLedgerUnavailableException(Reason.NOT_CONFIRMED, "PoW is late: reference block "
                        + reference + " has " + block.confirmations() + " blocks above it, needs more than "
                        + ReferenceBlock.CONFIRMATION_MARGIN);
            }
            return block;
        }

        @Override
        public Balance balance(String address, long height, HeightFilter filter) throws PowLedgerUnavailableException {
            Objects.requireNonNull(address, "address");
            if (histories != null && filter == HeightFilter.PLAIN) {
                return balanceFromHistory(address, height);
            }
            String sql = filter == HeightFilter.PLAIN ? PLAIN_BALANCE_SQL : MIRROR_AWARE_BALANCE_SQL;
            BigDecimal credits = BigDecimal.ZERO.setScale(NumericCell.SCALE);
            BigDecimal debits = credits;
            long creditRows = 0;
            long debitRows = 0;
            try {
                PreparedStatement query = statement(sql);
                query.setString(1, address);
                query.setLong(2, height);
                query.setString(3, address);
                query.setLong(4, height);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        boolean credit = rows.getInt(1) == 1;
                        BigDecimal amount = NumericCell.amount(rows.getObject(2));
                        BigDecimal other = NumericCell.amount(rows.getObject(3));
                        // SQL: NULL + x is NULL, and sum() skips NULL terms.
                        if (amount == null || other == null) {
                            continue;
                        }
                        if (credit) {
                            credits = credits.add(amount).add(other);
                            creditRows++;
                        } else {
                            debits = debits.add(amount).add(other);
                            debitRows++;
                        }
                    }
                }
            } catch (SQLException e) {
                throw translate(e);
            }
            return new Balance(credits, debits, creditRows, debitRows);
        }

        @Override
        public List<RegistrationRow> registrationRows(long fromHeight, long toHeight)
                throws PowLedgerUnavailableException {
            List<RegistrationRow> rows = new ArrayList<>();
            try {
                PreparedStatement query = statement(REGISTRATIONS_SQL);
                query.setLong(1, fromHeight);
                query.setLong(2, toHeight);
                query.setString(3, RegistrationRow.REGISTER);
                query.setString(4, RegistrationRow.UNREGISTER);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(new RegistrationRow(result.getLong(1), textOrEmpty(result.getString(2)),
                                result.getString(3), textOrEmpty(result.getString(4)), timestampOrNull(result.getObject(5))));
                    }
                }
            } catch (SQLException e) {
                throw translate(e);
            }
            return rows;
        }

        @Override
        public List<ColoredListRow> coloredListRows(long throughHeight) throws PowLedgerUnavailableException {
            TreeMap<String, ColoredListRow> latest = new TreeMap<>();
            try {
                PreparedStatement query = statement(COLORED_LISTS_SQL);
                query.setString(1, PowAddress.CONTROL);
                query.setInt(2, ColoredListRow.OPERATION_PREFIX.length());
                query.setString(3, ColoredListRow.OPERATION_PREFIX);
                query.setLong(4, throughHeight);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        String color = result.getString(1).substring(ColoredListRow.OPERATION_PREFIX.length());
                        // Rows come in ledger order, so a later row of the same color replaces the earlier one.
                        latest.put(color, new ColoredListRow(color, textOrEmpty(result.getString(2)), result.getLong(3)));
                    }
                }
            } catch (SQLException e) {
                throw translate(e);
            }
            return new ArrayList<>(latest.values());
        }

        @Override
        public void close() throws PowLedgerUnavailableException {
            try {
                // Closing the connection finalizes its statements too.
                connection.close();
            } catch (SQLException e) {
                throw translate(e);
            }
        }
    }

    private OpenLedger open(boolean remembersHistories) throws PowLedgerUnavailableException {
        return new OpenLedger(connect(), remembersHistories);
    }

    private Connection connect() throws PowLedgerUnavailableException {
        if (!Files.isRegularFile(ledgerFile)) {
            throw new PowLedgerUnavailableException(Reason.MISSING_FILE, "no ledger file at " + ledgerFile);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + ledgerFile.toUri() + "?mode=ro");
        } catch (SQLException e) {
            throw translate(e);
        }
        try {
            BismuthSchema.verify(connection);
            return connection;
        } catch (SQLException e) {
            PowLedgerUnavailableException unavailable = translate(e);
            closeQuietly(connection, unavailable);
            throw unavailable;
        } catch (PowLedgerUnavailableException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    private static void closeQuietly(Connection connection, Exception primary) {
        try {
            connection.close();
        } catch (SQLException closing) {
            primary.addSuppressed(closing);
        }
    }

    private PowLedgerUnavailableException translate(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        Reason reason;
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            reason = Reason.BUSY;
        } else if (code == SQLiteErrorCode.SQLITE_NOTADB.code || code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            reason = Reason.NOT_A_DATABASE;
        } else {
            reason = Reason.READ_ERROR;
        }
        return new PowLedgerUnavailableException(reason, ledgerFile + ": " + e.getMessage(), e);
    }

    private static String textOrEmpty(String cell) {
        return cell == null ? "" : cell;
    }

    private static BigDecimal timestampOrNull(Object cell) {
        try {
            return NumericCell.decimal(cell);
        } catch (PowLedgerUnavailableException malformed) {
            // One unusable timestamp invalidates only its own registration row (the fold reports it).
            return null;
        }
    }
}
