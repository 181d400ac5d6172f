package org.hn.pow.ledger.sqlite;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hn.pow.ledger.Balance;
import org.hn.pow.ledger.PowLedgerUnavailableException;

/**
 * Every credit and debit row of one address, read once, from which its balance at any height follows without
 * reading the ledger again ({@code spec/pow.md §3}, plain height filter): the registration fold asks for the
 * balance of the same collateral address at many heights. Sums are exact, so adding the rows in height order
 * gives the same {@link Balance} as the single query of {@link SqlitePowLedger#balance} does.
 */
final class AddressHistory {

    /** Credits (as recipient) then debits (as sender), in the order the balance query reads them. */
    static final String ROWS_SQL = "SELECT 1, block_height, amount, reward FROM transactions WHERE recipient = ? "
            + "UNION ALL SELECT 0, block_height, amount, fee FROM transactions WHERE address = ?";

    private record Row(double height, boolean credit, BigDecimal value) {
    }

    private record Malformed(double height, PowLedgerUnavailableException error) {
    }

    private final double[] heights;
    private final BigDecimal[] credits;
    private final BigDecimal[] debits;
    private final long[] creditRows;
    private final long[] debitRows;
    private final List<Malformed> malformed;

    private AddressHistory(List<Row> rows, List<Malformed> malformed) {
        rows.sort(Comparator.comparingDouble(Row::height));
        int count = rows.size();
        heights = new double[count];
        credits = new BigDecimal[count + 1];
        debits = new BigDecimal[count + 1];
        creditRows = new long[count + 1];
        debitRows = new long[count + 1];
        credits[0] = BigDecimal.ZERO.setScale(NumericCell.SCALE);
        debits[0] = credits[0];
        for (int i = 0; i < count; i++) {
            Row row = rows.get(i);
            heights[i] = row.height();
            credits[i + 1] = row.credit() ? credits[i].add(row.value()) : credits[i];
            debits[i + 1] = row.credit() ? debits[i] : debits[i].add(row.value());
            creditRows[i + 1] = creditRows[i] + (row.credit() ? 1 : 0);
            debitRows[i + 1] = debitRows[i] + (row.credit() ? 0 : 1);
        }
        this.malformed = malformed;
    }

    /**
     * Reads the rows of {@link #ROWS_SQL}. A row whose height is not a number never passes SQLite's
     * {@code block_height <= ?} (NULL fails it, TEXT and BLOB sort above every number), so it is left out; a row
     * whose amount cannot be read is remembered, to fail exactly the balances whose height covers it.
     */
    static AddressHistory read(ResultSet result) throws SQLException {
        List<Row> rows = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        while (result.next()) {
            Object heightCell = result.getObject(2);
            if (!(heightCell instanceof Number number)) {
                continue;
            }
            double height = number.doubleValue();
            boolean credit = result.getInt(1) == 1;
            try {
                BigDecimal amount = NumericCell.amount(result.getObject(3));
                BigDecimal other = NumericCell.amount(result.getObject(4));
                // SQL: NULL + x is NULL, and sum() skips NULL terms.
                if (amount != null && other != null) {
                    rows.add(new Row(height, credit, amount.add(other)));
                }
            } catch (PowLedgerUnavailableException e) {
                malformed.add(new Malformed(height, e));
            }
        }
        return new AddressHistory(rows, malformed);
    }

    /**
     * The balance counting the rows with {@code block_height <= height}.
     *
     * @throws PowLedgerUnavailableException MALFORMED_VALUE when such a row holds an unreadable amount (the first
     *                                       one in reading order)
     */
    Balance at(long height) throws PowLedgerUnavailableException {
        for (Malformed row : malformed) {
            if (row.height() <= height) {
                throw row.error();
            }
        }
        int count = upperBound(height);
        return new Balance(credits[count], debits[count], creditRows[count], debitRows[count]);
    }

    /** How many rows have a height at or below {@code height}. */
    private int upperBound(long height) {
        int low = 0;
        int high = heights.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (heights[middle] <= height) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
