package org.hn.pow.ledger.sqlite;

import static org.hn.pow.fixture.ReferenceLedgerFixture.A1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.C;
import static org.hn.pow.fixture.ReferenceLedgerFixture.M;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.hn.pow.devnet.BlockWriter;
import org.hn.pow.devnet.PowTransaction;
import org.hn.pow.fixture.ReferenceLedgerFixture;
import org.hn.pow.ledger.ColoredListRow;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The colored-list rows in force ({@code spec/pow.md §8.1}, §13.4 item 9), on the §13 ledger plus one block 780131
 * with a tie, forgeries and an operation in the wrong case.
 */
class ColoredListRowsTest {

    private static final String RAINBOW_776100 =
            "MAX_CONNECT_TO=35,TESTS_PER_SLOT=10,POSNET_ALLOW=posnet0002;posnet0003,MIN_FORGE_CONSENSUS=20";
    private static final String BOOTSTRAP = "http://bootstrap.example.invalid/hn_bs.tar.gz";

    @TempDir
    static Path directory;
    static SqlitePowLedger ledger;

    @BeforeAll
    static void build() throws SQLException {
        Path file = ReferenceLedgerFixture.build(directory.resolve("ledger.db"));
        BigDecimal time = ReferenceLedgerFixture.transactionTimestamp(780_131);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            new BlockWriter(connection).appendBlock(780_131, ReferenceLedgerFixture.blockTimestamp(780_131), M, List.of(
                    new PowTransaction(C, C, BigDecimal.ZERO, "color:cloud", "first", time),
                    new PowTransaction(A1, C, BigDecimal.ZERO, "color:white", "203.0.113.66", time),
                    new PowTransaction(A1, A1, BigDecimal.ZERO, "color:black", "198.51.100.1", time),
                    new PowTransaction(C, C, BigDecimal.ZERO, "COLOR:red", "upper", time),
                    new PowTransaction(C, C, BigDecimal.ZERO, "color:cloud", "second", time)));
        }
        ledger = new SqlitePowLedger(file);
    }

    @Test
    void theLatestRowOfEachColorSentByTheControlAddressOrderedByColor() throws PowLedgerUnavailableException {
        // The A1 → C forgery of 775050 is not the rainbow: the sender decides, not the recipient.
        assertEquals(List.of(
                new ColoredListRow("bootstrap", BOOTSTRAP, 774_013),
                new ColoredListRow("brown", "203.0.113.50", 775_060),
                new ColoredListRow("cloud", "amazon,choopa", 774_010),
                new ColoredListRow("rainbow", RAINBOW_776100, 776_100),
                new ColoredListRow("white", "198.51.100.1,198.51.100.2", 774_011)),
                ledger.coloredListRows(780_100));
    }

    @Test
    void aRowAboveTheHeightIsNotYetInForce() throws PowLedgerUnavailableException {
        ColoredListRow firstRainbow = new ColoredListRow("rainbow",
                "MAX_CONNECT_TO=30,TESTS_PER_SLOT=10,POSNET_ALLOW=posnet0002;posnet0003", 774_012);
        assertEquals(List.of(
                new ColoredListRow("bootstrap", BOOTSTRAP, 774_013),
                new ColoredListRow("brown", "203.0.113.50", 775_060),
                new ColoredListRow("cloud", "amazon,choopa", 774_010),
                firstRainbow,
                new ColoredListRow("white", "198.51.100.1,198.51.100.2", 774_011)),
                ledger.coloredListRows(776_099));
        assertEquals(List.of(
                new ColoredListRow("cloud", "amazon,choopa", 774_010),
                firstRainbow,
                new ColoredListRow("white", "198.51.100.1,198.51.100.2", 774_011)),
                ledger.coloredListRows(774_012));
        assertEquals(List.of(), ledger.coloredListRows(774_009));
    }

    @Test
    void insideOneBlockTheLaterRowWinsAndForgeriesOrOtherCasesAreIgnored() throws PowLedgerUnavailableException {
        assertEquals(List.of(
                new ColoredListRow("bootstrap", BOOTSTRAP, 774_013),
                new ColoredListRow("brown", "203.0.113.50", 775_060),
                new ColoredListRow("cloud", "second", 780_131),
                new ColoredListRow("rainbow", RAINBOW_776100, 776_100),
                new ColoredListRow("white", "198.51.100.1,198.51.100.2", 774_011)),
                ledger.coloredListRows(780_131));
    }
}
