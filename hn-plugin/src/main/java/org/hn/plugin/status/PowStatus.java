package org.hn.plugin.status;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import org.hn.plugin.json.PythonJson;
import org.hn.pow.ledger.BlockStamp;

/**
 * How fresh the PoW node's ledger is ({@code spec/pow.md §6.4}, careful variant: the coinbase timestamp of the
 * highest block): the "PoW node not synced" signal of {@code DESIGN.md §5}.
 *
 * @param tipHeight    highest block height
 * @param tipTimestamp block timestamp of that block, unix seconds, exact
 * @param ageSeconds   whole seconds from the block to the check (negative when the block is ahead of the clock)
 */
public record PowStatus(long tipHeight, BigDecimal tipTimestamp, long ageSeconds) {

    /** A last block this old or older means the PoW node is not synced (the hypernode's 15-minute rule). */
    public static final long STALE_AFTER_SECONDS = 900;

    public PowStatus {
        Objects.requireNonNull(tipTimestamp, "tipTimestamp");
    }

    /** The status of a tip checked at {@code now}. */
    public static PowStatus of(BlockStamp tip, Instant now) {
        BigDecimal checkedAt = BigDecimal.valueOf(now.getEpochSecond()).add(BigDecimal.valueOf(now.getNano(), 9));
        long age = checkedAt.subtract(tip.timestamp()).setScale(0, RoundingMode.FLOOR).longValueExact();
        return new PowStatus(tip.height(), tip.timestamp(), age);
    }

    /** True while the last block is less than {@link #STALE_AFTER_SECONDS} old. */
    public boolean synced() {
        return ageSeconds < STALE_AFTER_SECONDS;
    }

    /**
     * {@code {"blocks": H, "last_block_timestamp": T, "last_block_ago": S, "synced": B}}; {@code blocks} and
     * {@code last_block_ago} carry the names of the PoW node's own status ({@code spec/pow.md §9.3}).
     */
    public ObjectNode toJson() {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("blocks", tipHeight);
        status.set("last_block_timestamp", PythonJson.ledgerNumber(tipTimestamp));
        status.put("last_block_ago", ageSeconds);
        status.put("synced", synced());
        return status;
    }
}
