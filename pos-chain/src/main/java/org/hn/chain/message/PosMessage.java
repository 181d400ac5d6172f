package org.hn.chain.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.hn.chain.address.Address;
import org.hn.chain.crypto.PrivateKey;

/**
 * A PoS message (transaction), field for field as the reference holds it ({@code spec/chain.md §4.1}).
 *
 * <p>Binary fields are kept exactly as received, whatever their length, so that a malformed message can be
 * stored, logged and rejected with a reason rather than dropped at parse time; {@link MessageVerifier}
 * judges them. Arrays are copied in and out.
 *
 * @param txid        the signature r ‖ s, which is the message id (64 bytes when well formed)
 * @param blockHeight 0 in a mempool; the height of the containing block once stored (not signed)
 * @param timestamp   creation time, unix seconds (uint32, signed)
 * @param sender      signer's PoS address (signed)
 * @param recipient   PoS address the message is about (signed)
 * @param what        type code, {@code spec/chain.md §4.3} (uint32, signed)
 * @param params      payload text, ASCII, possibly empty (signed)
 * @param value       numeric payload (uint32, signed)
 * @param pubkey      signer's raw public key x ‖ y (64 bytes when well formed; not signed, bound via sender)
 * @param received    local reception time, unix seconds; 0 for own messages (local only)
 */
public record PosMessage(
        byte[] txid,
        long blockHeight,
        long timestamp,
        String sender,
        String recipient,
        long what,
        String params,
        long value,
        byte[] pubkey,
        long received) {

    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    public PosMessage {
        txid = txid.clone();
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(params, "params");
        pubkey = pubkey.clone();
    }

    /**
     * Creates and signs a message as this node: sender and pubkey from the key, txid = signature of the
     * signed buffer (§4.2), {@code received} = 0 as the reference does for own messages.
     *
     * @throws InvalidMessageException when a field cannot be encoded (non-ASCII text, value outside uint32)
     */
    public static PosMessage sign(PrivateKey key, byte networkId, long timestamp, String recipient,
                                  long what, String params, long value) throws InvalidMessageException {
        String sender = Address.fromPublicKey(key.publicKey(), networkId);
        byte[] buffer = signedBuffer(timestamp, sender, recipient, what, params, value);
        return new PosMessage(key.sign(buffer).toBytes(), 0, timestamp, sender, recipient, what, params, value,
                key.publicKey().toBytes(), 0);
    }

    /**
     * The signed buffer: timestamp (4 BE) ‖ sender ‖ recipient ‖ what (4 BE) ‖ params ‖ value (4 BE), texts
     * as ASCII without separators ({@code spec/chain.md §4.2}); 80 + len(params) bytes for 34-character
     * addresses.
     *
     * @throws InvalidMessageException {@link MessageRejection#NOT_ASCII} or {@link MessageRejection#FIELD_OUT_OF_RANGE}
     */
    public byte[] signedBuffer() throws InvalidMessageException {
        return signedBuffer(timestamp, sender, recipient, what, params, value);
    }

    private static byte[] signedBuffer(long timestamp, String sender, String recipient, long what,
                                       String params, long value) throws InvalidMessageException {
        if (!isUint32(timestamp) || !isUint32(what) || !isUint32(value)) {
            throw new InvalidMessageException(MessageRejection.FIELD_OUT_OF_RANGE);
        }
        byte[] senderBytes = ascii(sender);
        byte[] recipientBytes = ascii(recipient);
        byte[] paramsBytes = ascii(params);
        ByteBuffer buffer = ByteBuffer.allocate(12 + senderBytes.length + recipientBytes.length + paramsBytes.length);
        buffer.putInt((int) timestamp).put(senderBytes).put(recipientBytes)
                .putInt((int) what).put(paramsBytes).putInt((int) value);
        return buffer.array();
    }

    private static byte[] ascii(String text) throws InvalidMessageException {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                throw new InvalidMessageException(MessageRejection.NOT_ASCII);
            }
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isUint32(long number) {
        return number >= 0 && number <= UINT32_MAX;
    }

    /** The same message as stored in a block of the given height (block_height is not signed). */
    public PosMessage atHeight(long height) {
        return new PosMessage(txid, height, timestamp, sender, recipient, what, params, value, pubkey, received);
    }

    /** The same message with a local reception time, unix seconds. */
    public PosMessage receivedAt(long receivedSeconds) {
        return new PosMessage(txid, blockHeight, timestamp, sender, recipient, what, params, value, pubkey, receivedSeconds);
    }

    @Override
    public byte[] txid() {
        return txid.clone();
    }

    @Override
    public byte[] pubkey() {
        return pubkey.clone();
    }

    /** The txid in lowercase hex, as logs and JSON show it. */
    public String txidHex() {
        return HexFormat.of().formatHex(txid);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PosMessage that
                && Arrays.equals(txid, that.txid) && blockHeight == that.blockHeight && timestamp == that.timestamp
                && sender.equals(that.sender) && recipient.equals(that.recipient) && what == that.what
                && params.equals(that.params) && value == that.value && Arrays.equals(pubkey, that.pubkey)
                && received == that.received;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(txid);
    }

    @Override
    public String toString() {
        return "PosMessage[txid=" + txidHex() + ", timestamp=" + timestamp + ", sender=" + sender
                + ", recipient=" + recipient + ", what=" + what + ", params=" + params + ", value=" + value + "]";
    }
}
