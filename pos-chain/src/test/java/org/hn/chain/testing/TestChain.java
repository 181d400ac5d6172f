package org.hn.chain.testing;

import java.util.List;
import org.hn.chain.address.Address;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.message.InvalidMessageException;
import org.hn.chain.message.PosMessage;

/** Signed messages and forged blocks made with the five test keys of the vectors (mainnet addresses). */
public final class TestChain {

    public static final byte MAINNET = 0x19;
    private static final PrivateKey[] KEYS = new PrivateKey[5];
    private static final String[] ADDRESSES = new String[5];

    static {
        for (int i = 0; i < KEYS.length; i++) {
            try {
                KEYS[i] = PrivateKey.fromBytes(TestData.testKeyBytes(i));
            } catch (Exception e) {
                throw new IllegalStateException("test key " + i + " unreadable", e);
            }
            ADDRESSES[i] = Address.fromPublicKey(KEYS[i].publicKey(), MAINNET);
        }
    }

    private TestChain() {
    }

    /** Test key {@code index}, 0–4. */
    public static PrivateKey key(int index) {
        return KEYS[index];
    }

    /** The mainnet address of test key {@code index}, 0–4. */
    public static String address(int index) {
        return ADDRESSES[index];
    }

    /** A message signed by test key {@code sender} about test address {@code recipient}. */
    public static PosMessage tx(long timestamp, int sender, int recipient, long what, String params, long value) {
        try {
            return PosMessage.sign(KEYS[sender], MAINNET, timestamp, ADDRESSES[recipient], what, params, value);
        } catch (InvalidMessageException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The next block after {@code previous}, forged by test key {@code forger} at the start of its slot. */
    public static PosBlock forge(PosBlock previous, int forger, long round, int sir, List<PosMessage> txs) {
        long timestamp = Genesis.TIMESTAMP + round * 3600 + sir * 180L;
        return PosBlock.forge(KEYS[forger], MAINNET, previous.height() + 1, round, sir, timestamp,
                previous.blockHash(), txs);
    }
}
