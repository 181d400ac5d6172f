package org.hn.pow.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Credits and debits of one PoW address up to a height, in exact BIS with 8 decimals
 * ({@code spec/pow.md §3.1}).
 *
 * <p>The row counts keep what the reference's SQL would see: a side with no contributing row is SQL NULL
 * there, which makes the whole balance NULL ({@code §3.3.1}); {@link #exact()} treats such a side as 0.
 *
 * @param credits     Σ(amount + reward) over rows received, BIS
 * @param debits      Σ(amount + fee) over rows sent, BIS
 * @param creditRows  number of rows that contributed to {@code credits} (rows with a NULL cell do not)
 * @param debitRows   number of rows that contributed to {@code debits}
 */
public record Balance(BigDecimal credits, BigDecimal debits, long creditRows, long debitRows) {

    /** Weight unit of collateral in BIS ({@code §3.4}). */
    public static final BigDecimal COLLATERAL_UNIT = BigDecimal.valueOf(10_000);
    /** Greatest weight a collateral gives ({@code §3.4}). */
    public static final int MAX_WEIGHT = 3;

    public Balance {
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(debits, "debits");
    }

    /** Credits minus debits, a missing side counting as 0; BIS. */
    public BigDecimal exact() {
        return credits.subtract(debits);
    }

    /** True when the reference's single SQL statement would return NULL: one side has no row. */
    public boolean referenceIsNull() {
        return creditRows == 0 || debitRows == 0;
    }

    /**
     * Collateral weight of {@code §3.4} on the exact balance: floor(balance / 10000), capped at 3, with no lower
     * bound (a negative balance gives a negative weight).
     */
    public int weight() {
        BigDecimal units = exact().divide(COLLATERAL_UNIT, 0, RoundingMode.FLOOR);
        return units.compareTo(BigDecimal.valueOf(MAX_WEIGHT)) > 0 ? MAX_WEIGHT : units.intValueExact();
    }
}
