package org.hn.chain.message;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hn.chain.crypto.PublicKey;

/**
 * The parsed public keys of recent senders, each remembered only once its raw bytes were checked to lie on the
 * curve and to derive the sender's address ({@code spec/chain.md §4.4}). Reusing the parsed key skips the parse,
 * the point check and the address derivation, and lets Bouncy Castle reuse the point's multiplication table,
 * which it keeps on the point. Bounded: the least recently used sender goes first. Thread-safe.
 */
final class SenderKeys {

    private record Entry(byte[] encoded, PublicKey key) {
    }

    private final Map<String, Entry> entries;

    /** @param capacity senders remembered, at least 1 */
    SenderKeys(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The key remembered for {@code sender} when its raw bytes are exactly {@code encoded}; {@code null} when the
     * sender is unknown or sent another key (which must then be parsed and checked afresh).
     */
    synchronized PublicKey get(String sender, byte[] encoded) {
        Entry entry = entries.get(sender);
        return entry != null && Arrays.equals(entry.encoded(), encoded) ? entry.key() : null;
    }

    /** Remembers a key that was parsed from {@code encoded} and derives {@code sender}. */
    synchronized void put(String sender, byte[] encoded, PublicKey key) {
        entries.put(sender, new Entry(encoded.clone(), key));
    }

    synchronized int size() {
        return entries.size();
    }
}
