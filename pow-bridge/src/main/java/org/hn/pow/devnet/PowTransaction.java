package org.hn.pow.devnet;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A regular PoW transaction to write into a block ({@code spec/pow.md §2.3} kind 1). The fee is not given: the
 * writer derives it from the openfield as the PoW node does ({@code §2.4}).
 *
 * @param sender    PoW address that pays
 * @param recipient PoW address credited
 * @param amount    BIS, at most 8 decimals
 * @param operation {@code "0"} for a plain transfer, else the command ({@code hypernode:register}, …)
 * @param openfield free data ({@code ""} for a plain transfer)
 * @param timestamp the transaction's own time, unix seconds (written with 2 decimals)
 */
public record PowTransaction(String sender, String recipient, BigDecimal amount, String operation,
                             String openfield, BigDecimal timestamp) {

    /** Operation of a plain transfer. */
    public static final String TRANSFER = "0";

    public PowTransaction {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(openfield, "openfield");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * Fee the PoW node charges ({@code §2.4}): 0.01 + len(openfield)/100000, +10 for {@code token:issue}, +1 for an
     * openfield starting with {@code alias=}; BIS with 8 decimals.
     */
    public BigDecimal fee() {
        BigDecimal fee = new BigDecimal("0.01").add(BigDecimal.valueOf(openfield.length(), 5));
        if ("token:issue".equals(operation)) {
            fee = fee.add(BigDecimal.TEN);
        }
        if (openfield.startsWith("alias=")) {
            fee = fee.add(BigDecimal.ONE);
        }
        return fee.setScale(8);
    }
}
