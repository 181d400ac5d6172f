package org.hn.pow.ledger.sqlite;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.PowLedgerUnavailableException.Reason;

/**
 * Turns the value of a NUMERIC ledger cell into an exact decimal ({@code spec/pow.md §2.1}, storage classes).
 *
 * <p>The PoW node writes decimals as text with at most 8 fractional digits, which SQLite stores as INTEGER or
 * as the nearest IEEE double. The shortest decimal that reads back as that double, rounded to 8 digits, is the
 * text the node wrote (exact for every amount below 2<sup>53</sup>·10<sup>−8</sup> BIS). A cell that stayed
 * TEXT is read the way SQLite arithmetic reads it: its longest numeric prefix, else 0.
 */
final class NumericCell {

    /** Fractional digits of BIS amounts. */
    static final int SCALE = 8;

    private static final Pattern NUMERIC_PREFIX =
            Pattern.compile("^[ \\t\\n\\f\\r]*([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)");

    private NumericCell() {
    }

    /**
     * Decimal value of a cell as the JDBC driver returned it.
     *
     * @param cell Integer, Long, Double, String, byte[] or null
     * @return the exact value (not rescaled), or null for SQL NULL
     * @throws PowLedgerUnavailableException MALFORMED_VALUE for a non-finite number
     */
    static BigDecimal decimal(Object cell) throws PowLedgerUnavailableException {
        if (cell == null) {
            return null;
        }
        if (cell instanceof Integer || cell instanceof Long) {
            return BigDecimal.valueOf(((Number) cell).longValue());
        }
        if (cell instanceof Double real) {
            return fromDouble(real);
        }
        String text = cell instanceof byte[] blob ? new String(blob, StandardCharsets.UTF_8) : cell.toString();
        Matcher prefix = NUMERIC_PREFIX.matcher(text);
        return prefix.find() ? fromDouble(Double.parseDouble(prefix.group(1))) : BigDecimal.ZERO;
    }

    /** {@link #decimal(Object)} rounded to 8 decimals (amounts, fees, rewards), or null for SQL NULL. */
    static BigDecimal amount(Object cell) throws PowLedgerUnavailableException {
        BigDecimal value = decimal(cell);
        return value == null ? null : value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal fromDouble(double value) throws PowLedgerUnavailableException {
        if (!Double.isFinite(value)) {
            throw new PowLedgerUnavailableException(Reason.MALFORMED_VALUE, "non-finite number " + value);
        }
        return BigDecimal.valueOf(value);
    }
}
