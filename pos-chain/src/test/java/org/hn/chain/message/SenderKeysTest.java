package org.hn.chain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.crypto.PublicKey;
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
}
