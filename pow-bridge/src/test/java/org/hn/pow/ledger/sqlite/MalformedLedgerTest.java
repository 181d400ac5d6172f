package org.hn.pow.ledger.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.hn.pow.ledger.HeightFilter;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.PowLedgerUnavailableException.Reason;
import org.hn.pow.ledger.RegistrationRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Ledgers no healthy PoW node leaves behind: every call ends in a typed reason, never an unchecked crash. */
class MalformedLedgerTest {

    private static final String ADDRESS = "dfc36a1516370909ad0ddf3e3203f02e712626f5455749c65f429aa4";

    @TempDir
    Path directory;

    private Path ledgerWith(String... statements) throws SQLException {
        Path file = directory.resolve("ledger.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return file;
    }

    private Path bismuthLedgerWith(String... inserts) throws SQLException {
        Path file = directory.resolve("ledger.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            BismuthSchema.create(connection);
            try (Statement statement = connection.createStatement()) {
                for (String sql : inserts) {
                    statement.execute(sql);
                }
            }
        }
        return file;
    }

    private static void assertEveryCallFails(Path file, Reason reason) {
        SqlitePowLedger ledger = new SqlitePowLedger(file);
        List<Executable> calls = List.of(ledger::tip, () -> ledger.referenceBlock(1_535_403_600),
                () -> ledger.balance(ADDRESS, 780_100, HeightFilter.PLAIN),
                () -> ledger.registrationRows(773_801, 780_100));
        for (Executable call : calls) {
            assertEquals(reason, assertThrows(PowLedgerUnavailableException.class, call).reason());
        }
    }

    @Test
    void aMissingFileIsReportedAndNotCreated() {
        Path file = directory.resolve("static").resolve("ledger.db");
        assertEveryCallFails(file, Reason.MISSING_FILE);
        assertEquals(false, Files.exists(file));
    }

    @Test
    void aFileThatIsNotADatabaseIsReported() throws IOException {
        Path file = directory.resolve("ledger.db");
        Files.write(file, "this is not an SQLite file, just some text long enough to hold a header"
                .repeat(20).getBytes(StandardCharsets.US_ASCII));
        assertEveryCallFails(file, Reason.NOT_A_DATABASE);
    }

    @Test
    void aDatabaseWithoutTheTransactionsTableIsReported() throws SQLException {
        assertEveryCallFails(ledgerWith("CREATE TABLE misc (block_height INTEGER, difficulty TEXT)"),
                Reason.MISSING_TABLE);
    }

    @Test
    void aTransactionsTableWithElevenColumnsIsTheWrongSchema() throws SQLException {
        assertEveryCallFails(ledgerWith("CREATE TABLE transactions (block_height INTEGER, timestamp NUMERIC, "
                + "address TEXT, recipient TEXT, amount NUMERIC, signature TEXT, public_key TEXT, block_hash TEXT, "
                + "fee NUMERIC, reward NUMERIC, operation TEXT)"), Reason.WRONG_SCHEMA);
    }

    @Test
    void anOperationColumnNotDeclaredTextIsTheWrongSchema() throws SQLException {
        assertEveryCallFails(ledgerWith("CREATE TABLE transactions (block_height INTEGER, timestamp NUMERIC, "
                + "address TEXT, recipient TEXT, amount NUMERIC, signature TEXT, public_key TEXT, block_hash TEXT, "
                + "fee NUMERIC, reward NUMERIC, operation NUMERIC, openfield TEXT)"), Reason.WRONG_SCHEMA);
    }

    @Test
    void anEmptyLedgerHasNoTipAndNoReference() throws SQLException, PowLedgerUnavailableException {
        SqlitePowLedger ledger = new SqlitePowLedger(bismuthLedgerWith());
        assertEquals(Reason.EMPTY_LEDGER, assertThrows(PowLedgerUnavailableException.class, ledger::tip).reason());
        assertEquals(Reason.EMPTY_LEDGER, assertThrows(PowLedgerUnavailableException.class,
                () -> ledger.referenceBlock(1_535_403_600)).reason());
        assertEquals(List.of(), ledger.registrationRows(773_801, 780_100));
        assertEquals(0, ledger.balance(ADDRESS, 780_100, HeightFilter.PLAIN).creditRows());
    }

    @Test
    void textAndNullAmountsAreReadAsSqliteArithmeticReadsThem() throws SQLException, PowLedgerUnavailableException {
        SqlitePowLedger ledger = new SqlitePowLedger(bismuthLedgerWith(
                "INSERT INTO transactions VALUES (775000, 1, 'e', '" + ADDRESS + "', '12.5abc', 's1', 'k', 'h', 0, 0, '0', '')",
                "INSERT INTO transactions VALUES (775001, 1, 'e', '" + ADDRESS + "', 'abc', 's2', 'k', 'h', 0, 0, '0', '')",
                "INSERT INTO transactions VALUES (775002, 1, 'e', '" + ADDRESS + "', NULL, 's3', 'k', 'h', 0, 0, '0', '')",
                "INSERT INTO transactions VALUES (775003, 1, '" + ADDRESS + "', 'e', 1, 's4', 'k', 'h', NULL, 0, '0', '')"));
        var balance = ledger.balance(ADDRESS, 780_000, HeightFilter.PLAIN);
        // '12.5abc' counts 12.5 and 'abc' counts 0; the NULL amount and the NULL fee drop their rows from the sums.
        assertEquals(new BigDecimal("12.50000000"), balance.exact());
        assertEquals(2, balance.creditRows());
        assertEquals(0, balance.debitRows());
    }

    @Test
    void aNonFiniteAmountIsAMalformedValue() throws SQLException {
        SqlitePowLedger ledger = new SqlitePowLedger(bismuthLedgerWith(
                "INSERT INTO transactions VALUES (775000, 1, 'e', '" + ADDRESS + "', '1e999', 's1', 'k', 'h', 0, 0, '0', '')"));
        assertEquals(Reason.MALFORMED_VALUE, assertThrows(PowLedgerUnavailableException.class,
                () -> ledger.balance(ADDRESS, 780_000, HeightFilter.PLAIN)).reason());
    }

    @Test
    void balancesReadTogetherFailOnlyAtHeightsThatCoverAnUnreadableAmount()
            throws SQLException, PowLedgerUnavailableException {
        SqlitePowLedger ledger = new SqlitePowLedger(bismuthLedgerWith(
                "INSERT INTO transactions VALUES (775000, 1, 'e', '" + ADDRESS + "', 2, 's1', 'k', 'h', 0, 1, '0', '')",
                "INSERT INTO transactions VALUES (775001, 1, 'e', '" + ADDRESS + "', '1e999', 's2', 'k', 'h', 0, 0, '0', '')",
                "INSERT INTO transactions VALUES ('later', 1, 'e', '" + ADDRESS + "', 5, 's3', 'k', 'h', 0, 0, '0', '')",
                "INSERT INTO transactions VALUES (NULL, 1, 'e', '" + ADDRESS + "', 7, 's4', 'k', 'h', 0, 0, '0', '')"));
        ledger.readTogether(view -> {
            // 2 + reward 1 at 775000; the TEXT and NULL heights never pass block_height <= h.
            assertEquals(new BigDecimal("3.00000000"), view.balance(ADDRESS, 775_000, HeightFilter.PLAIN).exact());
            assertEquals(1, view.balance(ADDRESS, 775_000, HeightFilter.PLAIN).creditRows());
            assertEquals(Reason.MALFORMED_VALUE, assertThrows(PowLedgerUnavailableException.class,
                    () -> view.balance(ADDRESS, 775_001, HeightFilter.PLAIN)).reason());
            assertEquals(0, view.balance(ADDRESS, 774_999, HeightFilter.PLAIN).creditRows());
            return null;
        });
        assertEquals(new BigDecimal("3.00000000"), ledger.balance(ADDRESS, 775_000, HeightFilter.PLAIN).exact());
        assertEquals(Reason.MALFORMED_VALUE, assertThrows(PowLedgerUnavailableException.class,
                () -> ledger.balance(ADDRESS, 1_000_000, HeightFilter.PLAIN)).reason());
    }

    @Test
    void nullAndGarbageCellsOfRegistrationRowsAreReadWithoutFailing()
            throws SQLException, PowLedgerUnavailableException {
        String huge = "1.2.3.4:6969:" + "B".repeat(150_000);
        SqlitePowLedger ledger = new SqlitePowLedger(bismuthLedgerWith(
                "INSERT INTO transactions VALUES (775000, NULL, NULL, 'r', 0, 's1', 'k', 'h', 0, 0, "
                        + "'hypernode:register', NULL)",
                "INSERT INTO transactions VALUES (775001, 'soon', 'a', 'r', 0, 's2', 'k', 'h', 0, 0, "
                        + "'hypernode:unregister', x'00ff00')",
                "INSERT INTO transactions VALUES (775002, '1e999', 'a', 'r', 0, 's3', 'k', 'h', 0, 0, "
                        + "'hypernode:register', '" + huge + "')"));
        List<RegistrationRow> rows = ledger.registrationRows(773_801, 780_000);
        assertEquals(3, rows.size());
        assertEquals("", rows.get(0).sender());
        assertEquals("", rows.get(0).openfield());
        assertNull(rows.get(0).timestamp());
        assertEquals(0, BigDecimal.ZERO.compareTo(rows.get(1).timestamp()));
        assertNull(rows.get(2).timestamp());
        assertEquals(huge, rows.get(2).openfield());
    }
}
