package org.hn.pow.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A PoW block's height and its block timestamp (that of its coinbase row, {@code spec/pow.md §2.3, §6.4}).
 *
 * @param height    block height
 * @param timestamp unix seconds, exact as stored
 */
public record BlockStamp(long height, BigDecimal timestamp) {

    public BlockStamp {
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
