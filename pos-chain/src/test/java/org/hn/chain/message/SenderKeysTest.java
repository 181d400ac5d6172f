package org.hn.chain.message;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.crypto.PublicKey;
import org.hn.chain.crypto.Signature;
import org.hn.chain.testing.TestData;
import org.junit.jupiter.api.Test;

class SenderKeysTest {

    @Test
    void keepsOnlyTheMostRecentlyUsedSendersAndOnlyForTheSameBytes() throws Exception {
        PublicKey first = PrivateKey.fromBytes(TestData.testKeyBytes(1)).publicKey();
        PublicKey second = PrivateKey.fromBytes(TestData.testKeyBytes(2)).publicKey();
        SenderKeys keys = new SenderKeys(2);
        keys.put("a", first.toBytes(), first);
        keys.put("b", second.toBytes(), second);
        assertSame(first, keys.get("a", first.toBytes()));
        assertNull(keys.get("a", second.toBytes()), "another key of a known sender is not taken from memory");
        keys.put("c", second.toBytes(), second);
        assertEquals(2, keys.size());
        assertNull(keys.get("b", second.toBytes()), "b was the least recently used");
        assertSame(first, keys.get("a", first.toBytes()));
        assertSame(second, keys.get("c", second.toBytes()));
    }

    @Test
    void busySendersGetTheWideTableWithinTheLimit() throws Exception {
        PublicKey key = PrivateKey.fromBytes(TestData.testKeyBytes(1)).publicKey();
        byte[] encoded = key.toBytes();
        SenderKeys keys = new SenderKeys(SenderKeys.WIDE_KEYS + 2);
        keys.put("busy", encoded, key);
        for (int use = 1; use < SenderKeys.WIDEN_AFTER_USES; use++) {
            keys.get("busy", encoded);
        }
        assertEquals(0, keys.wideKeys());
        assertSame(key, keys.get("busy", encoded));
        assertEquals(1, keys.wideKeys());
        keys.put("busy", encoded, key);
        assertEquals(0, keys.wideKeys(), "a replaced entry gives its place back");

        for (int sender = 0; sender < SenderKeys.WIDE_KEYS + 1; sender++) {
            keys.put("s" + sender, encoded, key);
            for (int use = 0; use < SenderKeys.WIDEN_AFTER_USES; use++) {
                keys.get("s" + sender, encoded);
            }
        }
        assertEquals(SenderKeys.WIDE_KEYS, keys.wideKeys(), "no more than the limit");
        keys.put("new1", encoded, key);
        keys.put("new2", encoded, key);
        assertEquals(SenderKeys.WIDE_KEYS - 1, keys.wideKeys(), "s0, wide, was evicted; busy was not wide");
    }

    @Test
    void aWideTableVerifiesAsBefore() throws Exception {
        PrivateKey signer = PrivateKey.fromBytes(TestData.testKeyBytes(3));
        PublicKey key = signer.publicKey();
        byte[] message = "round 7".getBytes(US_ASCII);
        Signature signature = signer.sign(message);
        key.widenTable();
        assertTrue(key.verify(message, signature));
        assertFalse(key.verify("round 8".getBytes(US_ASCII), signature));
    }
}
