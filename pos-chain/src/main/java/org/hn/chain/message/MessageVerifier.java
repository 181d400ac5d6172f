package org.hn.chain.message;

import org.hn.chain.address.Address;
import org.hn.chain.address.AddressError;
import org.hn.chain.address.InvalidAddressException;
import org.hn.chain.crypto.InvalidKeyException;
import org.hn.chain.crypto.PublicKey;
import org.hn.chain.crypto.Signature;

/**
 * Checks a PoS message in the reference's order ({@code spec/chain.md §4.4}): timestamp not in the future,
 * sender and recipient addresses, pubkey derives the sender, signature verifies. Before those, the checks the
 * reference leaves to exceptions: txid length, encodable fields, a valid 64-byte key (§1, §3.4).
 *
 * <p>Thread-safe; verification of many messages may run in parallel on one instance.
 */
public final class MessageVerifier {

    /** Seconds a timestamp may be ahead of the local clock ({@code FUTURE_ALLOWED}). */
    public static final long FUTURE_ALLOWED_SECONDS = 5;

    /** How strictly sender and recipient texts are checked (§2.3). */
    public enum AddressPolicy {
        /** Exactly 34 Base58 characters, checksum and network: for new data created or relayed by us. */
        STRICT,
        /** The reference's quick check: for historical blocks, which the reference accepted that way. */
        HISTORICAL
    }

    /**
     * Senders whose parsed key is kept: as many as a round's hypernodes. Each costs about 4 kB (the point and
     * Bouncy Castle's multiplication table on it), so 4 MB at most.
     */
    static final int SENDER_KEYS = 1024;

    private final byte networkId;
    private final AddressPolicy addressPolicy;
    private final SenderKeys senderKeys = new SenderKeys(SENDER_KEYS);

    /**
     * @param networkId     the address id byte of the network the messages belong to (0x19 on mainnet)
     * @param addressPolicy strict for live data, historical for blocks already in the chain
     */
    public MessageVerifier(byte networkId, AddressPolicy addressPolicy) {
        this.networkId = networkId;
        this.addressPolicy = addressPolicy;
    }

    /**
     * Verifies one message.
     *
     * @param nowSeconds the local clock, unix seconds, for the future-timestamp rule
     * @throws InvalidMessageException naming the first check that failed
     */
    public void verify(PosMessage message, long nowSeconds) throws InvalidMessageException {
        byte[] txid = message.txid();
        if (txid.length != Signature.LENGTH) {
            throw new InvalidMessageException(MessageRejection.BAD_TXID_LENGTH);
        }
        if (message.timestamp() > nowSeconds + FUTURE_ALLOWED_SECONDS) {
            throw new InvalidMessageException(MessageRejection.FUTURE_TIMESTAMP,
                    "timestamp " + message.timestamp() + " is ahead of the local clock " + nowSeconds);
        }
        checkAddress(message.sender(), MessageRejection.BAD_SENDER, true);
        checkAddress(message.recipient(), MessageRejection.BAD_RECIPIENT, false);
        byte[] buffer = message.signedBuffer();
        PublicKey key = senderKey(message);
        if (!key.verify(buffer, Signature.fromBytes(txid))) {
            throw new InvalidMessageException(MessageRejection.INVALID_SIGNATURE);
        }
    }

    /** The parsed key of the message, which derives its sender: remembered, or parsed and checked now. */
    private PublicKey senderKey(PosMessage message) throws InvalidMessageException {
        byte[] encoded = message.pubkey();
        PublicKey key = senderKeys.get(message.sender(), encoded);
        if (key != null) {
            return key;
        }
        try {
            key = PublicKey.fromBytes(encoded);
        } catch (InvalidKeyException e) {
            throw new InvalidMessageException(MessageRejection.BAD_PUBKEY, e.getMessage());
        }
        if (!Address.fromPublicKey(key, networkId).equals(message.sender())) {
            throw new InvalidMessageException(MessageRejection.ADDRESS_MISMATCH);
        }
        senderKeys.put(message.sender(), encoded, key);
        return key;
    }

    private void checkAddress(String address, MessageRejection rejection, boolean isSender)
            throws InvalidMessageException {
        if (addressPolicy == AddressPolicy.HISTORICAL) {
            if (!Address.passesQuickCheck(address)) {
                throw new InvalidMessageException(rejection);
            }
            return;
        }
        try {
            Address.decode(address, networkId);
        } catch (InvalidAddressException e) {
            boolean otherNetwork = e.error() == AddressError.NETWORK;
            throw new InvalidMessageException(
                    otherNetwork && isSender ? MessageRejection.WRONG_NETWORK : rejection, e.getMessage());
        }
    }
}
