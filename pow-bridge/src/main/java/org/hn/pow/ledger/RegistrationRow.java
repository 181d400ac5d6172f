package org.hn.pow.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One {@code hypernode:register} or {@code hypernode:unregister} transaction as selected by
 * {@code spec/pow.md §5.3}, in ledger order.
 *
 * @param blockHeight height of the block that holds it
 * @param sender      the {@code address} column (registrar or controller); {@code ""} when the cell is NULL
 * @param operation   {@code hypernode:register} or {@code hypernode:unregister}
 * @param openfield   the payload of {@code §4.3}; {@code ""} when the cell is NULL
 * @param timestamp   the transaction's own timestamp, unix seconds exact as stored; {@code null} when the cell is
 *                    NULL or not a number
 */
public record RegistrationRow(long blockHeight, String sender, String operation, String openfield,
                              BigDecimal timestamp) {

    /** Operation of a registration. */
    public static final String REGISTER = "hypernode:register";
    /** Operation of an unregistration. */
    public static final String UNREGISTER = "hypernode:unregister";

    public RegistrationRow {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(openfield, "openfield");
    }

    /** True for a registration, false for an unregistration. */
    public boolean isRegister() {
        return REGISTER.equals(operation);
    }
}
