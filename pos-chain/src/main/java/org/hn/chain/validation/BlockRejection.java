package org.hn.chain.validation;

/** Why a block is refused ({@code spec/chain.md §6.2} reference checks and §6.4 strict checks). */
public enum BlockRejection {
    /** Its hash is temporarily banned (§12). */
    BANNED_HASH("block hash is banned"),
    /** A header field does not fit the unsigned 32-bit encoding of the hash buffer. */
    HEADER_OUT_OF_RANGE("a header field is outside the unsigned 32-bit range"),
    /** height is not tip height + 1 (§6.2 step 5). */
    WRONG_HEIGHT("height does not follow the tip"),
    /** previous_hash is not the tip's hash (§6.2 step 6). */
    WRONG_PREVIOUS_HASH("previous hash is not the tip's hash"),
    /** msg_count differs from the number of txs (§6.2 step 7). */
    MSG_COUNT_MISMATCH("msg_count differs from the number of txs"),
    /** A non-empty block claims fewer than 2 distinct senders (§6.2 step 8.2). */
    TOO_FEW_SOURCES("fewer than 2 distinct senders"),
    /** A non-empty block has fewer than {@code REQUIRED_MESSAGES_PER_BLOCK} txs (§6.2 step 8.2). */
    TOO_FEW_MESSAGES("fewer than 4 messages"),
    /** More txs than {@code MAX_TXS_PER_BLOCK}. */
    TOO_MANY_MESSAGES("more messages than a block may hold"),
    /** The same txid twice in the block (§6.2 step 8.3). */
    DUPLICATE_TXID("the same txid twice in the block"),
    /** block_hash is not BLAKE2b-160 of the hash buffer (§6.4 step 1). */
    BAD_HASH("block hash does not match its content"),
    /** The signature was not made by the forger's key (§6.4 step 2). */
    BAD_SIGNATURE("signature is not the forger's"),
    /** sir is not a forging slot 0–18 (§6.4 step 3). */
    SLOT_OUT_OF_RANGE("slot is not a forging slot"),
    /** The forger is not the juror of (round, sir) (§6.4 step 3). */
    NOT_SCHEDULED_FORGER("forger does not own the slot"),
    /** (round, sir) is not after the tip's (§6.4 step 4). */
    NOT_AFTER_TIP("round and slot are not after the tip's"),
    /** Claimed uniques_sources differs from the distinct senders of the txs (§6.4 step 5). */
    UNIQUES_MISMATCH("uniques_sources differs from the distinct senders"),
    /** A tx fails the message check (§6.4 step 6). */
    INVALID_TX("a message is invalid");

    private final String description;

    BlockRejection(String description) {
        this.description = description;
    }

    /** A short human explanation, for logs and CLI output. */
    public String description() {
        return description;
    }
}
