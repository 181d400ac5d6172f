package org.hn.chain.mempool;

/**
 * The mempool's limits ({@code spec/chain.md §8}, {@code spec/rounds.md §1.1}). The reference's values are in
 * {@link #DEFAULTS}; the per-sender and overall caps are ours (§8.1 recommendation), the reference has none.
 *
 * @param maxBatchSize           {@code MAX_TXS_TO_SYNC}: a batch with more messages is ignored entirely (2000)
 * @param maxPerSender           messages kept per sender; beyond it the sender's oldest is evicted (200)
 * @param maxMessages            messages kept overall; beyond it the oldest is evicted (20 000)
 * @param maxTxsPerBlock         {@code MAX_TXS_PER_BLOCK}, rainbow-tunable: a block takes at most this many (3000)
 * @param requiredPerBlock       {@code REQUIRED_MESSAGES_PER_BLOCK}: no block with fewer messages is forged (4)
 * @param notOlderThanSeconds    {@code NOT_OLDER_THAN_SECONDS}: the age limit of a message, seconds (3600)
 */
public record MempoolLimits(
        int maxBatchSize,
        int maxPerSender,
        int maxMessages,
        int maxTxsPerBlock,
        int requiredPerBlock,
        long notOlderThanSeconds) {

    /** The reference's limits plus our caps of 200 per sender and 20 000 overall. */
    public static final MempoolLimits DEFAULTS = new MempoolLimits(2000, 200, 20_000, 3000, 4, 3600);

    /** @throws IllegalArgumentException when a limit is not positive or fewer txs fit a block than it needs */
    public MempoolLimits {
        if (maxBatchSize < 1 || maxPerSender < 1 || maxMessages < 1 || requiredPerBlock < 1
                || notOlderThanSeconds < 1 || maxTxsPerBlock < requiredPerBlock) {
            throw new IllegalArgumentException("mempool limits must be positive and a block must fit the "
                    + requiredPerBlock + " messages it requires; got batch " + maxBatchSize + ", per sender "
                    + maxPerSender + ", overall " + maxMessages + ", per block " + maxTxsPerBlock + ", age "
                    + notOlderThanSeconds + " s");
        }
    }

    /** These limits with another {@code MAX_TXS_PER_BLOCK}, as a rainbow tuneable sets it. */
    public MempoolLimits withMaxTxsPerBlock(int maxTxs) {
        return new MempoolLimits(maxBatchSize, maxPerSender, maxMessages, maxTxs, requiredPerBlock, notOlderThanSeconds);
    }
}
