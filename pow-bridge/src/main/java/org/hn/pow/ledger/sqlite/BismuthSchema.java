package org.hn.pow.ledger.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.PowLedgerUnavailableException.Reason;

/**
 * The Bismuth {@code ledger.db} schema ({@code spec/pow.md §2.1–§2.2}): creating it (devnet, fixtures) and
 * checking that a ledger has it.
 */
public final class BismuthSchema {

    /** Column names of {@code transactions}, in declared order. */
    public static final List<String> TRANSACTION_COLUMNS = List.of(
            "block_height", "timestamp", "address", "recipient", "amount", "signature", "public_key",
            "block_hash", "fee", "reward", "operation", "openfield");

    private static final int OPERATION_COLUMN = 10;

    private static final String CREATE_TRANSACTIONS = "CREATE TABLE transactions (block_height INTEGER, "
            + "timestamp NUMERIC, address TEXT, recipient TEXT, amount NUMERIC, signature TEXT, public_key TEXT, "
            + "block_hash TEXT, fee NUMERIC, reward NUMERIC, operation TEXT, openfield TEXT)";
    private static final String CREATE_MISC = "CREATE TABLE misc (block_height INTEGER, difficulty TEXT)";
    // The lookups hypernodes make (§2.1): by height, by sender, by recipient, by operation.
    private static final List<String> CREATE_INDEXES = List.of(
            "CREATE INDEX \"Block Height Index\" ON transactions(block_height)",
            "CREATE INDEX \"Address Index\" ON transactions(address)",
            "CREATE INDEX \"Recipient Index\" ON transactions(recipient)",
            "CREATE INDEX \"Timestamp Index\" ON transactions(timestamp)",
            "CREATE INDEX \"Operation Index\" ON transactions(operation)",
            "CREATE INDEX \"Misc Block Height Index\" ON misc(block_height)");

    private BismuthSchema() {
    }

    /**
     * Creates both tables and the indexes hypernodes use, in an empty database.
     *
     * @throws SQLException when a table already exists or the database cannot be written
     */
    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_TRANSACTIONS);
            statement.execute(CREATE_MISC);
            for (String index : CREATE_INDEXES) {
                statement.execute(index);
            }
        }
    }

    /**
     * Checks that {@code transactions} exists with exactly the 12 columns of {@code §2.1} in order and that
     * {@code operation} is declared TEXT (the PoW node's own check).
     *
     * @throws PowLedgerUnavailableException MISSING_TABLE or WRONG_SCHEMA
     * @throws SQLException                  when the schema cannot be read at all
     */
    public static void verify(Connection connection) throws SQLException, PowLedgerUnavailableException {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet columns = statement.executeQuery("PRAGMA table_info(transactions)")) {
            while (columns.next()) {
                names.add(columns.getString("name"));
                types.add(String.valueOf(columns.getString("type")).toUpperCase(Locale.ROOT));
            }
        }
        if (names.isEmpty()) {
            throw new PowLedgerUnavailableException(Reason.MISSING_TABLE, "no transactions table");
        }
        if (!names.equals(TRANSACTION_COLUMNS)) {
            throw new PowLedgerUnavailableException(Reason.WRONG_SCHEMA,
                    "transactions columns are " + names + ", expected " + TRANSACTION_COLUMNS);
        }
        if (!"TEXT".equals(types.get(OPERATION_COLUMN))) {
            throw new PowLedgerUnavailableException(Reason.WRONG_SCHEMA,
                    "operation is declared " + types.get(OPERATION_COLUMN) + ", expected TEXT");
        }
    }
}
