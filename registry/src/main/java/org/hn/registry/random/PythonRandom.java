package org.hn.registry.random;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * CPython 3's Mersenne Twister (MT19937) and the draw algorithms of its {@code random} module, reproduced
 * bit for bit so that schedules match the reference's ({@code spec/rounds.md §6.1}).
 *
 * <p>Each instance is a dedicated generator for one computation (the reference's process-global generator
 * is a defect, {@code spec/rounds.md §11 #9}). Not thread-safe.
 */
public final class PythonRandom {

    private static final int STATE_WORDS = 624;
    private static final int SHIFT_OFFSET = 397;
    /** CPython's {@code random.sample} keeps a pool copy up to this population size when k ≤ 5. */
    private static final int SAMPLE_POOL_LIMIT = 21;

    private final int[] mt = new int[STATE_WORDS];
    private int index;
    private final DrawObserver observer;

    /** Told about every {@link #getrandbits} call, in call order; lets a schedule be traced and compared. */
    @FunctionalInterface
    public interface DrawObserver {
        /**
         * @param bits  the k asked for, 1–32
         * @param value the k-bit result
         */
        void drew(int bits, long value);
    }

    private PythonRandom(int[] key, DrawObserver observer) {
        this.observer = observer;
        initByArray(key);
    }

    /**
     * A generator seeded as CPython's {@code random.seed(bytes)} does (version 2 seeding).
     *
     * @param seed any bytes, possibly empty
     */
    public static PythonRandom fromBytes(byte[] seed) {
        return fromBytes(seed, (bits, value) -> { });
    }

    /**
     * As {@link #fromBytes(byte[])}, reporting every {@link #getrandbits} call to {@code observer}.
     */
    public static PythonRandom fromBytes(byte[] seed, DrawObserver observer) {
        Objects.requireNonNull(observer, "observer");
        return new PythonRandom(seedKey(seed), observer);
    }

    /** A generator seeded as CPython's {@code random.seed(str)} does: the seed is the text's UTF-8 bytes. */
    public static PythonRandom fromText(String seed) {
        Objects.requireNonNull(seed, "seed");
        return fromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code init_by_array} key CPython derives from a bytes seed: {@code seed ‖ SHA-512(seed)} read as a
     * big-endian unsigned integer, cut into 32-bit words least significant first, as many words as its bit
     * length needs (so leading zero bytes give fewer words), and {@code [0]} for zero.
     *
     * @return the key words, each an unsigned 32-bit value held in an {@code int}
     */
    public static int[] seedKey(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        byte[] extended = new byte[seed.length + 64];
        System.arraycopy(seed, 0, extended, 0, seed.length);
        System.arraycopy(sha512(seed), 0, extended, seed.length, 64);
        BigInteger number = new BigInteger(1, extended);
        int wordCount = Math.max(1, (number.bitLength() + 31) / 32);
        int[] key = new int[wordCount];
        for (int word = 0; word < wordCount; word++) {
            key[word] = number.shiftRight(32 * word).intValue();
        }
        return key;
    }

    private static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-512", e);
        }
    }

    private void initGenrand(int seed) {
        mt[0] = seed;
        for (int k = 1; k < STATE_WORDS; k++) {
            mt[k] = 1812433253 * (mt[k - 1] ^ (mt[k - 1] >>> 30)) + k;
        }
        index = STATE_WORDS;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int a = 1;
        int b = 0;
        for (int step = Math.max(STATE_WORDS, key.length); step > 0; step--) {
            mt[a] = (mt[a] ^ ((mt[a - 1] ^ (mt[a - 1] >>> 30)) * 1664525)) + key[b] + b;
            a++;
            b++;
            if (a >= STATE_WORDS) {
                mt[0] = mt[STATE_WORDS - 1];
                a = 1;
            }
            if (b >= key.length) {
                b = 0;
            }
        }
        for (int step = STATE_WORDS - 1; step > 0; step--) {
            mt[a] = (mt[a] ^ ((mt[a - 1] ^ (mt[a - 1] >>> 30)) * 1566083941)) - a;
            a++;
            if (a >= STATE_WORDS) {
                mt[0] = mt[STATE_WORDS - 1];
                a = 1;
            }
        }
        mt[0] = 0x80000000;
        index = STATE_WORDS;
    }

    private void regenerate() {
        for (int k = 0; k < STATE_WORDS; k++) {
            int y = (mt[k] & 0x80000000) | (mt[(k + 1) % STATE_WORDS] & 0x7fffffff);
            mt[k] = mt[(k + SHIFT_OFFSET) % STATE_WORDS] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        index = 0;
    }

    /** The next raw tempered MT19937 output, an unsigned 32-bit value (0 … 2³² − 1). */
    public long nextUint32() {
        if (index >= STATE_WORDS) {
            regenerate();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return Integer.toUnsignedLong(y);
    }

    /**
     * CPython's {@code getrandbits(k)}: the top {@code bits} bits of one raw output.
     *
     * @param bits 1–32
     * @return a value in 0 … 2^bits − 1
     * @throws IllegalArgumentException if {@code bits} is outside 1–32 (larger k never occurs in the schedules)
     */
    public long getrandbits(int bits) {
        if (bits < 1 || bits > 32) {
            throw new IllegalArgumentException("getrandbits supports 1 to 32 bits, got " + bits);
        }
        long value = nextUint32() >>> (32 - bits);
        observer.drew(bits, value);
        return value;
    }

    /**
     * CPython's {@code _randbelow}: rejection sampling on {@code bitlength(bound)} bits, so a power of two
     * wastes about half of its draws.
     *
     * @param bound exclusive upper bound, ≥ 1
     * @return a value in 0 … bound − 1
     * @throws IllegalArgumentException if {@code bound < 1}
     */
    public int randbelow(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("randbelow needs a bound of at least 1, got " + bound);
        }
        int bits = 32 - Integer.numberOfLeadingZeros(bound);
        long value = getrandbits(bits);
        while (value >= bound) {
            value = getrandbits(bits);
        }
        return (int) value;
    }

    /**
     * CPython's {@code choice(seq)}: one element drawn with {@link #randbelow}.
     *
     * @throws IllegalArgumentException if {@code sequence} is empty
     */
    public <T> T choice(List<T> sequence) {
        if (sequence.isEmpty()) {
            throw new IllegalArgumentException("cannot choose from an empty sequence");
        }
        return sequence.get(randbelow(sequence.size()));
    }

    /**
     * CPython's {@code shuffle(x)}, in place: Fisher–Yates from the last position down to 1.
     *
     * @param list a list supporting {@code set}
     */
    public void shuffle(List<?> list) {
        for (int position = list.size() - 1; position >= 1; position--) {
            Collections.swap(list, position, randbelow(position + 1));
        }
    }

    /**
     * CPython's {@code sample(population, 2)}, with both of its code paths: a shrinking pool copy for
     * populations up to 21 elements, index rejection with a set above.
     *
     * @return two elements at distinct positions of {@code population}, in draw order
     * @throws IllegalArgumentException if the population has fewer than 2 elements
     */
    public <T> List<T> sampleTwo(List<T> population) {
        int size = population.size();
        if (size < 2) {
            throw new IllegalArgumentException("cannot sample 2 from a population of " + size);
        }
        List<T> result = new ArrayList<>(2);
        if (size <= SAMPLE_POOL_LIMIT) {
            List<T> pool = new ArrayList<>(population);
            for (int drawn = 0; drawn < 2; drawn++) {
                int picked = randbelow(size - drawn);
                result.add(pool.get(picked));
                pool.set(picked, pool.get(size - drawn - 1));
            }
        } else {
            Set<Integer> selected = new HashSet<>();
            for (int drawn = 0; drawn < 2; drawn++) {
                int picked = randbelow(size);
                while (selected.contains(picked)) {
                    picked = randbelow(size);
                }
                selected.add(picked);
                result.add(population.get(picked));
            }
        }
        return result;
    }
}
