package org.hn.chain.message;

/** Why a PoS message is invalid ({@code spec/chain.md §4.4}, §8.1, and our stricter checks of §1 and §3.4). */
public enum MessageRejection {
    /** txid (the signature) is not 64 bytes. */
    BAD_TXID_LENGTH("txid is not a 64-byte signature"),
    /** A signed integer field is outside 0 … 2³²−1 and cannot be encoded (§1). */
    FIELD_OUT_OF_RANGE("a signed field is outside the unsigned 32-bit range"),
    /** sender, recipient or params holds a non-ASCII character (§1). */
    NOT_ASCII("a signed text field is not ASCII"),
    /** Timestamp more than {@code FUTURE_ALLOWED} seconds ahead of the local clock (reference: "in the future"). */
    FUTURE_TIMESTAMP("timestamp is in the future"),
    /** Older than {@code NOT_OLDER_THAN_SECONDS}; a mempool refuses it (§8.1). */
    TOO_OLD("older than one hour"),
    /** sender fails the address check. */
    BAD_SENDER("sender is not a valid address"),
    /** recipient fails the address check. */
    BAD_RECIPIENT("recipient is not a valid address"),
    /** sender is a valid address of another network than the one being verified. */
    WRONG_NETWORK("sender belongs to another network"),
    /** pubkey is not 64 bytes or not a point of secp256k1 (§3.4). */
    BAD_PUBKEY("pubkey is not a valid 64-byte secp256k1 key"),
    /** pubkey does not derive to sender (reference: "Address mismatch"). */
    ADDRESS_MISMATCH("pubkey does not derive the sender address"),
    /** The signature does not verify over the signed buffer (reference: "Invalid Signature"). */
    INVALID_SIGNATURE("signature does not verify");

    private final String description;

    MessageRejection(String description) {
        this.description = description;
    }

    /** A short human explanation, for logs and CLI output. */
    public String description() {
        return description;
    }
}
