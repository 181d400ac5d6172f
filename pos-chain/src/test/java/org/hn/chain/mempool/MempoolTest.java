package org.hn.chain.mempool;

import static org.hn.chain.testing.TestChain.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.hn.chain.block.Genesis;
import org.hn.chain.message.MessageRejection;
import org.hn.chain.message.PosMessage;
import org.hn.chain.testing.TestChain;
import org.junit.jupiter.api.Test;

class MempoolTest {

    private static final long NOW = Genesis.TIMESTAMP + 1_000_000;
    /** The order n of secp256k1 (SEC 2), to build the malleated twin (r, n − s) of a signature. */
    private static final BigInteger CURVE_ORDER =
            new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    /** nextInt(bound) = 0 always: the subset draw keeps the first arrivals. */
    private static final RandomGenerator ALWAYS_FIRST = () -> 0L;

    private static Mempool mempool(MempoolLimits limits) {
        return mempool(limits, ALWAYS_FIRST, txid -> false);
    }

    private static Mempool mempool(MempoolLimits limits, RandomGenerator random, Predicate<byte[]> inChain) {
        return new Mempool(TestChain.MAINNET, inChain, limits, random);
    }

    private static MempoolLimits limits(int maxPerSender, int maxMessages, int maxTxsPerBlock) {
        return new MempoolLimits(2000, maxPerSender, maxMessages, maxTxsPerBlock, 4, 3600);
    }

    private static Set<String> txids(List<PosMessage> messages) {
        Set<String> txids = new HashSet<>();
        messages.forEach(message -> txids.add(message.txidHex()));
        return txids;
    }

    private static PosMessage withTxid(PosMessage message, byte[] txid) {
        return new PosMessage(txid, message.blockHeight(), message.timestamp(), message.sender(), message.recipient(),
                message.what(), message.params(), message.value(), message.pubkey(), message.received());
    }

    @Test
    void aBatchSkipsOnlyTheMessagesThatFailAndKeepsTheRest() {
        PosMessage fresh = tx(NOW - 10, 0, 1, 202, "TEST:1", 0).atHeight(7).receivedAt(NOW);
        PosMessage tooOld = tx(NOW - 3601, 1, 2, 202, "START", 1);
        PosMessage atTheAgeLimit = tx(NOW - 3600, 1, 2, 202, "START", 2);
        PosMessage stored = tx(NOW - 5, 2, 3, 201, "NO_TEST:1", 1);
        byte[] flipped = fresh.txid();
        flipped[40] ^= 0x01;
        PosMessage badSignature = withTxid(tx(NOW - 4, 3, 4, 0, "", 1), flipped);
        PosMessage future = tx(NOW + 6, 4, 0, 0, "", 1);
        PosMessage last = tx(NOW, 4, 0, 0, "", 2);
        Mempool mempool = mempool(MempoolLimits.DEFAULTS, ALWAYS_FIRST, txid -> Arrays.equals(txid, stored.txid()));

        DigestSummary summary = mempool.digest(
                List.of(fresh, tooOld, stored, badSignature, future, atTheAgeLimit, fresh, last), NOW);

        assertEquals(3, summary.accepted());
        assertEquals(0, summary.evicted());
        assertEquals(Map.of(MempoolRejection.TOO_OLD, 1, MempoolRejection.ALREADY_IN_CHAIN, 1,
                MempoolRejection.INVALID, 2, MempoolRejection.ALREADY_IN_MEMPOOL, 1), summary.rejected());
        assertEquals(Map.of(MessageRejection.INVALID_SIGNATURE, 1, MessageRejection.FUTURE_TIMESTAMP, 1),
                summary.invalid());
        assertEquals(List.of(fresh.atHeight(0), atTheAgeLimit, last), mempool.messages(NOW));
        assertEquals(3, mempool.size());
        assertTrue(mempool.contains(fresh.txid()));
        assertFalse(mempool.contains(stored.txid()));
    }

    @Test
    void aBatchOverTheSyncLimitIsIgnoredEntirely() {
        PosMessage message = tx(NOW, 0, 1, 0, "", 1);
        Mempool mempool = mempool(MempoolLimits.DEFAULTS);

        DigestSummary oversized = mempool.digest(Collections.nCopies(2001, message), NOW);
        assertEquals(new DigestSummary(0, 0, Map.of(MempoolRejection.BATCH_TOO_LARGE, 2001), Map.of()), oversized);
        assertEquals(0, mempool.size());

        DigestSummary atLimit = mempool.digest(Collections.nCopies(2000, message), NOW);
        assertEquals(new DigestSummary(1, 0, Map.of(MempoolRejection.ALREADY_IN_MEMPOOL, 1999), Map.of()), atLimit);
        assertEquals(1, mempool.size());
    }

    @Test
    void capsEvictTheOldestFirst() {
        Mempool mempool = mempool(limits(3, 5, 3000));
        PosMessage s0a = tx(NOW - 50, 0, 1, 0, "", 1);
        PosMessage s0b = tx(NOW - 40, 0, 1, 0, "", 2);
        PosMessage s0c = tx(NOW - 30, 0, 1, 0, "", 3);
        assertEquals(3, mempool.digest(List.of(s0b, s0a, s0c), NOW).accepted());

        // A fourth message of sender 0 evicts that sender's oldest (s0a), whatever the arrival order.
        PosMessage s0d = tx(NOW - 20, 0, 1, 0, "", 4);
        assertEquals(new DigestSummary(1, 1, Map.of(), Map.of()), mempool.digest(List.of(s0d), NOW));
        assertFalse(mempool.contains(s0a.txid()));

        // Older than all of the sender's kept messages: it is the one to go.
        PosMessage s0old = tx(NOW - 60, 0, 1, 0, "", 5);
        assertEquals(new DigestSummary(0, 0, Map.of(MempoolRejection.SENDER_CAP, 1), Map.of()),
                mempool.digest(List.of(s0old), NOW));

        PosMessage s1a = tx(NOW - 10, 1, 2, 0, "", 1);
        PosMessage s1b = tx(NOW - 5, 1, 2, 0, "", 2);
        assertEquals(2, mempool.digest(List.of(s1a, s1b), NOW).accepted());
        assertEquals(5, mempool.size());

        // Full: a sixth message evicts the oldest of all (s0b at NOW − 40).
        PosMessage s2a = tx(NOW - 1, 2, 3, 0, "", 1);
        assertEquals(new DigestSummary(1, 1, Map.of(), Map.of()), mempool.digest(List.of(s2a), NOW));
        PosMessage s2old = tx(NOW - 100, 2, 3, 0, "", 2);
        assertEquals(new DigestSummary(0, 0, Map.of(MempoolRejection.MEMPOOL_FULL, 1), Map.of()),
                mempool.digest(List.of(s2old), NOW));

        assertEquals(txids(List.of(s0c, s0d, s1a, s1b, s2a)), txids(mempool.messages(NOW)));
    }

    @Test
    void aMalleatedCopyWithTheSameContentIsDropped() {
        PosMessage original = tx(NOW - 1, 0, 1, 202, "TEST:2", 0);
        byte[] twin = original.txid();
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(twin, 32, 64));
        byte[] negated = CURVE_ORDER.subtract(s).toByteArray();
        Arrays.fill(twin, 32, 64, (byte) 0);
        int length = Math.min(negated.length, 32);
        System.arraycopy(negated, negated.length - length, twin, 64 - length, length);
        PosMessage malleated = withTxid(original, twin);

        // The twin verifies on its own (high and low s are both valid, §3.3)…
        assertEquals(1, mempool(MempoolLimits.DEFAULTS).digest(List.of(malleated), NOW).accepted());

        // …but not beside the original.
        Mempool mempool = mempool(MempoolLimits.DEFAULTS);
        assertEquals(new DigestSummary(1, 0, Map.of(MempoolRejection.SAME_CONTENT, 1), Map.of()),
                mempool.digest(List.of(original, malleated), NOW));
        assertEquals(List.of(original), mempool.messages(NOW));

        // Once the original has left, the content is free again.
        mempool.removeAll(List.of(original));
        assertEquals(1, mempool.digest(List.of(malleated), NOW).accepted());
    }

    @Test
    void aBlockTakesTheYoungMessagesSortedByTimestampWithTiesInArrivalOrder() {
        Mempool mempool = mempool(MempoolLimits.DEFAULTS);
        PosMessage a = tx(NOW - 5, 0, 1, 0, "", 1);
        PosMessage b = tx(NOW - 9, 1, 2, 0, "", 1);
        PosMessage c = tx(NOW - 5, 2, 3, 0, "", 1);
        PosMessage d = tx(NOW - 7, 3, 4, 0, "", 1);
        PosMessage e = tx(NOW - 5, 4, 0, 0, "", 1);
        PosMessage aging = tx(NOW - 3550, 0, 2, 0, "", 2);
        assertEquals(3, mempool.digest(List.of(e, aging, c), NOW).accepted());
        assertEquals(3, mempool.digest(List.of(b, d, a), NOW).accepted());

        // 100 s later `aging` is past the hour: not taken, and it stays until purged.
        Optional<List<PosMessage>> block = mempool.takeForBlock(42, NOW + 100);
        assertEquals(Optional.of(List.of(b.atHeight(42), d.atHeight(42), e.atHeight(42), c.atHeight(42),
                a.atHeight(42))), block);
        assertEquals(List.of(aging), mempool.messages(NOW));
        assertEquals(1, mempool.size());
    }

    @Test
    void noBlockWithFewerThanTheRequiredMessagesAndNothingIsTaken() {
        Mempool mempool = mempool(MempoolLimits.DEFAULTS);
        List<PosMessage> three = List.of(tx(NOW, 0, 1, 0, "", 1), tx(NOW, 1, 2, 0, "", 1), tx(NOW, 2, 3, 0, "", 1));
        mempool.digest(three, NOW);
        assertEquals(Optional.empty(), mempool.takeForBlock(5, NOW));
        assertEquals(3, mempool.size());

        mempool.digest(List.of(tx(NOW, 3, 4, 0, "", 1)), NOW);
        assertEquals(4, mempool.takeForBlock(5, NOW).orElseThrow().size());
        assertEquals(0, mempool.size());
    }

    @Test
    void overTheBlockLimitARandomSubsetIsTakenAndTheRestKept() {
        List<PosMessage> arrivals = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // Timestamps decrease with arrival, so block order (by timestamp) is the reverse of arrival order.
            arrivals.add(tx(NOW - i, i % 5, (i + 1) % 5, 0, "", i));
        }
        Mempool first = mempool(limits(200, 20_000, 6), ALWAYS_FIRST, txid -> false);
        first.digest(arrivals, NOW);
        // nextInt(bound) = 0: the partial shuffle swaps nothing and keeps arrivals 0–5.
        assertEquals(reversedAtHeight(arrivals.subList(0, 6), 9), first.takeForBlock(9, NOW).orElseThrow());
        assertEquals(arrivals.subList(6, 9), first.messages(NOW));

        RandomGenerator alwaysLast = new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new AssertionError("only nextInt(bound) is used");
            }

            @Override
            public int nextInt(int bound) {
                return bound - 1;
            }
        };
        Mempool last = mempool(limits(200, 20_000, 6), alwaysLast, txid -> false);
        last.digest(arrivals, NOW);
        // nextInt(bound) = bound − 1: each step swaps with the last slot, keeping arrival 8 and arrivals 0–4.
        List<PosMessage> expected = new ArrayList<>(arrivals.subList(0, 5));
        expected.add(arrivals.get(8));
        assertEquals(reversedAtHeight(expected, 9), last.takeForBlock(9, NOW).orElseThrow());
        assertEquals(arrivals.subList(5, 8), last.messages(NOW));
    }

    private static List<PosMessage> reversedAtHeight(List<PosMessage> messages, long height) {
        List<PosMessage> reversed = new ArrayList<>(messages.stream().map(message -> message.atHeight(height)).toList());
        Collections.reverse(reversed);
        return reversed;
    }

    @Test
    void theDefaultBlockLimitKeeps3000OfASeededDraw() {
        List<PosMessage> arrivals = new ArrayList<>();
        for (int i = 0; i < 3010; i++) {
            arrivals.add(tx(NOW - (i % 7), i % 5, (i + 1) % 5, 0, "", i));
        }
        MempoolLimits limits = new MempoolLimits(3010, 3010, 20_000, 3000, 4, 3600);
        Mempool mempool = mempool(limits, new SplittableRandom(7), txid -> false);
        assertEquals(3010, mempool.digest(arrivals, NOW).accepted());
        List<PosMessage> block = mempool.takeForBlock(1, NOW).orElseThrow();

        assertEquals(3000, block.size());
        assertEquals(10, mempool.size());
        Set<String> all = txids(arrivals);
        Set<String> taken = txids(block);
        Set<String> left = txids(mempool.messages(NOW));
        assertEquals(3000, taken.size());
        assertTrue(Collections.disjoint(taken, left));
        taken.addAll(left);
        assertEquals(all, taken);
        for (int i = 1; i < block.size(); i++) {
            assertTrue(block.get(i - 1).timestamp() <= block.get(i).timestamp(), "sorted by timestamp at " + i);
        }

        // The same seed draws the same subset.
        Mempool again = mempool(limits, new SplittableRandom(7), txid -> false);
        again.digest(arrivals, NOW);
        assertEquals(block, again.takeForBlock(1, NOW).orElseThrow());
    }

    @Test
    void purgeKeepsOnlyMessagesYoungerThanAnHour() {
        Mempool mempool = mempool(MempoolLimits.DEFAULTS);
        PosMessage atLimit = tx(NOW - 3600, 0, 1, 0, "", 1);
        PosMessage justYounger = tx(NOW - 3599, 1, 2, 0, "", 1);
        PosMessage current = tx(NOW, 2, 3, 0, "", 1);
        assertEquals(3, mempool.digest(List.of(current, justYounger, atLimit), NOW).accepted());

        assertEquals(1, mempool.purge(NOW));
        assertEquals(List.of(current, justYounger), mempool.messages(NOW));
        assertEquals(1, mempool.purge(NOW + 1));
        assertEquals(0, mempool.purge(NOW + 1));
        assertEquals(List.of(current), mempool.messages(NOW + 1));
    }

    @Test
    void gossipThreadsDigestWhileTheForgerTakes() throws Exception {
        Mempool mempool = mempool(MempoolLimits.DEFAULTS);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<DigestSummary>> digests = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                List<PosMessage> batch = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    batch.add(tx(NOW - i, thread, (thread + 1) % 5, 0, "", i));
                }
                digests.add(threads.submit(() -> {
                    start.await();
                    return mempool.digest(batch, NOW);
                }));
            }
            Future<Optional<List<PosMessage>>> forger = threads.submit(() -> {
                start.await();
                return mempool.takeForBlock(1, NOW);
            });
            start.countDown();
            int accepted = 0;
            for (Future<DigestSummary> digest : digests) {
                accepted += digest.get().accepted();
            }
            int taken = forger.get().map(List::size).orElse(0);
            assertEquals(100, accepted);
            assertEquals(100, taken + mempool.size());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void limitsMustLetABlockHoldItsRequiredMessages() {
        assertThrows(IllegalArgumentException.class, () -> new MempoolLimits(2000, 200, 20_000, 3, 4, 3600));
        assertThrows(IllegalArgumentException.class, () -> new MempoolLimits(0, 200, 20_000, 3000, 4, 3600));
        assertEquals(new MempoolLimits(2000, 200, 20_000, 100, 4, 3600), MempoolLimits.DEFAULTS.withMaxTxsPerBlock(100));
    }
}
