package org.hn.chain.mempool;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.hn.chain.message.InvalidMessageException;
import org.hn.chain.message.MessageRejection;
import org.hn.chain.message.MessageVerifier;
import org.hn.chain.message.PosMessage;

/**
 * The PoS mempool ({@code spec/chain.md §8}): messages waiting for a block, keyed by txid, in RAM only like
 * the reference's.
 *
 * <p>Differences from the reference, none of them visible on the wire: an invalid message is skipped and
 * the rest of its batch still digested (§8.2); a second message with the same signed content and pubkey
 * under another txid, e.g. the malleated {@code (r, n−s)} of §3.3, is dropped; at most
 * {@link MempoolLimits#maxPerSender()} messages per sender and {@link MempoolLimits#maxMessages()} overall
 * are kept, the oldest (by timestamp, then arrival) evicted first (§8.1); taking messages for a block removes
 * only those taken (§8.3).
 *
 * <p>Thread-safe: gossip threads may digest while the forger takes. Signatures are verified outside the lock.
 * Time is passed in by the caller as unix seconds.
 */
public final class Mempool {

    /** Oldest first: by timestamp, then by arrival, so equal timestamps keep their insertion order. */
    private static final Comparator<Entry> OLDEST_FIRST =
            Comparator.comparingLong((Entry entry) -> entry.message.timestamp()).thenComparingLong(Entry::arrival);

    private final MessageVerifier verifier;
    private final Predicate<byte[]> inChain;
    private final MempoolLimits limits;
    private final RandomGenerator random;

    private final Map<String, Entry> byTxid = new LinkedHashMap<>();
    private final Map<String, String> txidByContent = new HashMap<>();
    private final Map<String, NavigableSet<Entry>> bySender = new HashMap<>();
    private final NavigableSet<Entry> byAge = new TreeSet<>(OLDEST_FIRST);
    private long arrivals;

    /** A kept message with its keys and its arrival number. */
    private record Entry(PosMessage message, String txid, String content, long arrival) {
    }

    /**
     * @param networkId the address id byte of the network (0x19 on mainnet); messages are verified with the
     *                  strict address policy, as for all data a node relays
     * @param inChain   whether a txid is already stored in the chain (§8.2 step c); called outside the lock
     * @param limits    ages and caps, usually {@link MempoolLimits#DEFAULTS}
     * @param random    draws the subset kept when more messages wait than a block takes (§8.3)
     */
    public Mempool(byte networkId, Predicate<byte[]> inChain, MempoolLimits limits, RandomGenerator random) {
        this.verifier = new MessageVerifier(networkId, MessageVerifier.AddressPolicy.STRICT);
        this.inChain = inChain;
        this.limits = limits;
        this.random = random;
    }

    /**
     * Digests a batch received from a peer (or own messages, or txs returned by a rollback), in order
     * ({@code spec/chain.md §8.2}): too old, already in the mempool, already in the chain, invalid (§4.4) or a
     * copy of a kept message's content are skipped; the others are kept with {@code block_height = 0}, then the
     * caps applied. A batch larger than {@link MempoolLimits#maxBatchSize()} is ignored entirely.
     *
     * @param nowSeconds the local clock, unix seconds
     */
    public DigestSummary digest(List<PosMessage> batch, long nowSeconds) {
        Map<MempoolRejection, Integer> rejected = new EnumMap<>(MempoolRejection.class);
        Map<MessageRejection, Integer> invalid = new EnumMap<>(MessageRejection.class);
        if (batch.size() > limits.maxBatchSize()) {
            rejected.put(MempoolRejection.BATCH_TOO_LARGE, batch.size());
            return new DigestSummary(0, 0, rejected, invalid);
        }
        int accepted = 0;
        int evicted = 0;
        for (PosMessage message : batch) {
            MempoolRejection reason;
            String content = null;
            if (isTooOld(message, nowSeconds)) {
                reason = MempoolRejection.TOO_OLD;
            } else if (contains(message.txid())) {
                reason = MempoolRejection.ALREADY_IN_MEMPOOL;
            } else if (inChain.test(message.txid())) {
                reason = MempoolRejection.ALREADY_IN_CHAIN;
            } else {
                try {
                    verifier.verify(message, nowSeconds);
                    content = contentKey(message);
                    reason = null;
                } catch (InvalidMessageException e) {
                    invalid.merge(e.rejection(), 1, Integer::sum);
                    reason = MempoolRejection.INVALID;
                }
            }
            if (reason == null) {
                Insertion insertion = insert(message, content);
                reason = insertion.rejection;
                evicted += insertion.evicted;
            }
            if (reason == null) {
                accepted++;
            } else {
                rejected.merge(reason, 1, Integer::sum);
            }
        }
        return new DigestSummary(accepted, evicted, rejected, invalid);
    }

    /** The outcome of one insertion: the rejection (null when kept) and how many others were evicted. */
    private record Insertion(MempoolRejection rejection, int evicted) {
    }

    private synchronized Insertion insert(PosMessage message, String content) {
        String txid = message.txidHex();
        // Re-checked under the lock: another thread may have added the same message meanwhile.
        if (byTxid.containsKey(txid)) {
            return new Insertion(MempoolRejection.ALREADY_IN_MEMPOOL, 0);
        }
        if (txidByContent.containsKey(content)) {
            return new Insertion(MempoolRejection.SAME_CONTENT, 0);
        }
        Entry entry = new Entry(message.atHeight(0), txid, content, arrivals++);
        byTxid.put(txid, entry);
        txidByContent.put(content, txid);
        byAge.add(entry);
        NavigableSet<Entry> ofSender = bySender.computeIfAbsent(message.sender(), sender -> new TreeSet<>(OLDEST_FIRST));
        ofSender.add(entry);
        int evicted = 0;
        if (ofSender.size() > limits.maxPerSender()) {
            Entry oldest = ofSender.first();
            remove(oldest);
            if (oldest == entry) {
                return new Insertion(MempoolRejection.SENDER_CAP, evicted);
            }
            evicted++;
        }
        if (byTxid.size() > limits.maxMessages()) {
            Entry oldest = byAge.first();
            remove(oldest);
            if (oldest == entry) {
                return new Insertion(MempoolRejection.MEMPOOL_FULL, evicted);
            }
            evicted++;
        }
        return new Insertion(null, evicted);
    }

    /**
     * Takes the messages for a new block ({@code spec/chain.md §8.3}): all with
     * {@code timestamp ≥ now − NOT_OLDER_THAN_SECONDS}; when more than {@link MempoolLimits#maxTxsPerBlock()},
     * a random subset of that size; sorted by timestamp, equal timestamps in arrival order; each set to
     * {@code block_height = height}. Only the taken messages leave the mempool.
     *
     * @param height     the height of the block being forged
     * @param nowSeconds the local clock, unix seconds
     * @return the block's messages in block order, or empty (and nothing taken) when fewer than
     *         {@link MempoolLimits#requiredPerBlock()} are eligible: the forger must not forge
     */
    public synchronized Optional<List<PosMessage>> takeForBlock(long height, long nowSeconds) {
        List<Entry> eligible = new ArrayList<>();
        for (Entry entry : byTxid.values()) {
            if (entry.message.timestamp() >= nowSeconds - limits.notOlderThanSeconds()) {
                eligible.add(entry);
            }
        }
        if (eligible.size() < limits.requiredPerBlock()) {
            return Optional.empty();
        }
        List<Entry> chosen = eligible.size() > limits.maxTxsPerBlock() ? randomSubset(eligible) : eligible;
        chosen.sort(OLDEST_FIRST);
        List<PosMessage> block = new ArrayList<>(chosen.size());
        for (Entry entry : chosen) {
            remove(entry);
            block.add(entry.message.atHeight(height));
        }
        return Optional.of(block);
    }

    /** {@code maxTxsPerBlock} entries drawn uniformly: the first steps of a Fisher–Yates shuffle. */
    private List<Entry> randomSubset(List<Entry> eligible) {
        int size = limits.maxTxsPerBlock();
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(eligible.size() - i);
            Entry swapped = eligible.get(j);
            eligible.set(j, eligible.get(i));
            eligible.set(i, swapped);
        }
        return new ArrayList<>(eligible.subList(0, size));
    }

    /**
     * Drops the messages older than the age limit, keeping only {@code timestamp > now − NOT_OLDER_THAN_SECONDS}
     * (§8.1; at start and at every slot change).
     *
     * @return how many were dropped
     */
    public synchronized int purge(long nowSeconds) {
        long cutoff = nowSeconds - limits.notOlderThanSeconds();
        int dropped = 0;
        while (!byAge.isEmpty() && byAge.first().message.timestamp() <= cutoff) {
            remove(byAge.first());
            dropped++;
        }
        return dropped;
    }

    /**
     * Drops the messages of a block stored from elsewhere ({@code spec/chain.md §6.2} step 8.4); txids not in
     * the mempool are ignored.
     */
    public synchronized void removeAll(Collection<PosMessage> stored) {
        for (PosMessage message : stored) {
            Entry entry = byTxid.get(message.txidHex());
            if (entry != null) {
                remove(entry);
            }
        }
    }

    /**
     * The messages young enough to send to a peer ({@code timestamp ≥ now − NOT_OLDER_THAN_SECONDS}, §8.1),
     * in arrival order, with {@code block_height = 0}.
     */
    public synchronized List<PosMessage> messages(long nowSeconds) {
        List<PosMessage> young = new ArrayList<>();
        for (Entry entry : byTxid.values()) {
            if (!isTooOld(entry.message, nowSeconds)) {
                young.add(entry.message);
            }
        }
        return young;
    }

    /** Whether a message with this txid is in the mempool. */
    public synchronized boolean contains(byte[] txid) {
        return byTxid.containsKey(HexFormat.of().formatHex(txid));
    }

    /** How many messages the mempool holds. */
    public synchronized int size() {
        return byTxid.size();
    }

    private boolean isTooOld(PosMessage message, long nowSeconds) {
        return message.timestamp() < nowSeconds - limits.notOlderThanSeconds();
    }

    private void remove(Entry entry) {
        byTxid.remove(entry.txid);
        txidByContent.remove(entry.content);
        byAge.remove(entry);
        NavigableSet<Entry> ofSender = bySender.get(entry.message.sender());
        ofSender.remove(entry);
        if (ofSender.isEmpty()) {
            bySender.remove(entry.message.sender());
        }
    }

    /**
     * SHA-256 of the signed buffer ‖ pubkey, hex: equal for a message and its malleated copies (§3.3).
     *
     * @throws InvalidMessageException when the buffer cannot be encoded (never after a successful verify)
     */
    private static String contentKey(PosMessage message) throws InvalidMessageException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        sha256.update(message.signedBuffer());
        sha256.update(message.pubkey());
        return HexFormat.of().formatHex(sha256.digest());
    }
}
