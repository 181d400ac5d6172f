package org.hn.chain.mempool;

/** Why the mempool did not keep a message of a batch ({@code spec/chain.md §8.2}, §3.3, and our caps of §8.1). */
public enum MempoolRejection {
    /** The batch held more than {@code MAX_TXS_TO_SYNC} messages and was ignored entirely. */
    BATCH_TOO_LARGE,
    /** {@code timestamp < now − NOT_OLDER_THAN_SECONDS}. */
    TOO_OLD,
    /** A message with this txid is already in the mempool. */
    ALREADY_IN_MEMPOOL,
    /** A message with this txid is already in the chain. */
    ALREADY_IN_CHAIN,
    /** The message fails the check of §4.4; {@link DigestSummary#invalid()} says which part. */
    INVALID,
    /** Another txid with the same signed content and pubkey is in the mempool: a malleated copy (§3.3). */
    SAME_CONTENT,
    /** Its sender already had the most messages allowed and this one was the sender's oldest. */
    SENDER_CAP,
    /** The mempool was full and this message was the oldest. */
    MEMPOOL_FULL
}
