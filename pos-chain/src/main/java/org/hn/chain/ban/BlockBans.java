package org.hn.chain.ban;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary bans of block hashes ({@code spec/chain.md §12}): a banned hash is ignored when grouping peer
 * heights and refused at digestion until it expires. Hashes are compared as lowercase hex (the reference
 * compared raw bytes with hex text, so its digestion check never matched).
 */
public final class BlockBans {

    /** Default ban length in seconds (15 minutes). */
    public static final long DEFAULT_TTL_SECONDS = 900;

    private final Map<String, Long> expiryByHash = new ConcurrentHashMap<>();
    private final long ttlSeconds;

    public BlockBans(long ttlSeconds) {
        this.ttlSeconds = ttlSeconds;
    }

    /** Bans a hash from {@code nowSeconds} for the ban length; a second ban extends it. */
    public void ban(String hashHex, long nowSeconds) {
        expiryByHash.put(hashHex, nowSeconds + ttlSeconds);
    }

    /** Whether the hash is banned at {@code nowSeconds}; drops the expired bans it meets. */
    public boolean isBanned(String hashHex, long nowSeconds) {
        Long expiry = expiryByHash.get(hashHex);
        if (expiry == null) {
            return false;
        }
        if (expiry <= nowSeconds) {
            expiryByHash.remove(hashHex, expiry);
            return false;
        }
        return true;
    }

    /** Number of bans not yet expired at {@code nowSeconds}. */
    public int activeCount(long nowSeconds) {
        expiryByHash.values().removeIf(expiry -> expiry <= nowSeconds);
        return expiryByHash.size();
    }
}
