package org.hn.chain.message;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hn.chain.crypto.PublicKey;

/**
 * The parsed public keys of recent senders, each remembered only once its raw bytes were checked to lie on the
 * curve and to derive the sender's address ({@code spec/chain.md §4.4}). Reusing the parsed key skips the parse,
 * the point check and the address derivation, and lets Bouncy Castle reuse the point's multiplication table,
 * which it keeps on the point. Bounded: the least recently used sender goes first. The keys of the busiest senders
 * (used {@value #WIDEN_AFTER_USES} times) get a wider table ({@link PublicKey#widenTable}), at most
 * {@value #WIDE_KEYS} of them at a time so the memory stays small (about 38 kB each). Thread-safe.
 */
final class SenderKeys {

    /** Uses of a remembered key after which it gets the wider table. */
    static final int WIDEN_AFTER_USES = 32;
    /** Keys with the wider table at a time: 2.4 MB at most. */
    static final int WIDE_KEYS = 64;

    private static final class Entry {
        private final byte[] encoded;
        private final PublicKey key;
        private int uses;
        private boolean wide;

        private Entry(byte[] encoded, PublicKey key) {
            this.encoded = encoded;
            this.key = key;
        }
    }

    private final Map<String, Entry> entries;
    private int wideKeys;

    /** @param capacity senders remembered, at least 1 */
    SenderKeys(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                if (eldest.getValue().wide) {
                    wideKeys--;
                }
                return true;
            }
        };
    }

    /**
     * The key remembered for {@code sender} when its raw bytes are exactly {@code encoded}; {@code null} when the
     * sender is unknown or sent another key (which must then be parsed and checked afresh).
     */
    synchronized PublicKey get(String sender, byte[] encoded) {
        Entry entry = entries.get(sender);
        if (entry == null || !Arrays.equals(entry.encoded, encoded)) {
            return null;
        }
        if (++entry.uses == WIDEN_AFTER_USES && wideKeys < WIDE_KEYS) {
            entry.key.widenTable();
            entry.wide = true;
            wideKeys++;
        }
        return entry.key;
    }

    /** Remembers a key that was parsed from {@code encoded} and derives {@code sender}. */
    synchronized void put(String sender, byte[] encoded, PublicKey key) {
        Entry replaced = entries.put(sender, new Entry(encoded.clone(), key));
        if (replaced != null && replaced.wide) {
            wideKeys--;
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /** How many remembered keys have the wider table. */
    synchronized int wideKeys() {
        return wideKeys;
    }
}
