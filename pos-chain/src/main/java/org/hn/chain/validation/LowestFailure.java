package org.hn.chain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Finds the lowest index of a range whose check fails, on all cores: the calling thread and the common
 * fork-join pool's workers take chunks of {@value #CHUNK} consecutive indexes from one shared cursor until the
 * range is done.
 *
 * <p>Why not a parallel stream: on two cores a stream cuts the range into four pieces, and the thread that
 * finishes first waits for the other's last piece, up to a quarter of the whole check (measured in
 * docs/benchmarks.md, catch-up). With small chunks a thread slowed by other work on the machine leaves at most
 * one chunk to wait for.
 *
 * <p>The verdict is the one of checking the indexes one after the other: chunks are handed out in index order,
 * and none is taken above a failure already found, so every index below the returned one was checked.
 */
final class LowestFailure {

    /** Indexes a thread takes at a time: a few milliseconds of message checks at most. */
    static final int CHUNK = 8;
    /** Ranges shorter than this are checked on the calling thread alone. */
    static final int PARALLEL_THRESHOLD = 64;

    private final int count;
    private final IntPredicate fails;
    private final AtomicInteger cursor = new AtomicInteger();
    private final AtomicInteger lowest = new AtomicInteger(Integer.MAX_VALUE);

    private LowestFailure(int count, IntPredicate fails) {
        this.count = count;
        this.fails = fails;
    }

    /**
     * @param count how many indexes, from 0
     * @param fails the check, true when the index fails; called from several threads at once, and not called for
     *              some indexes above the first failure
     * @return the lowest failing index, or empty when none fails
     * @throws IllegalArgumentException when {@code count} is negative
     */
    static OptionalInt find(int count, IntPredicate fails) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        LowestFailure search = new LowestFailure(count, fails);
        List<ForkJoinTask<?>> helpers = new ArrayList<>();
        if (count >= PARALLEL_THRESHOLD) {
            int wanted = Math.min(ForkJoinPool.getCommonPoolParallelism(), (count - 1) / CHUNK);
            for (int helper = 0; helper < wanted; helper++) {
                helpers.add(ForkJoinPool.commonPool().submit(search::takeChunks));
            }
        }
        search.takeChunks();
        // A helper not started yet is run here and finds nothing left; a running one finishes its chunk.
        for (ForkJoinTask<?> helper : helpers) {
            helper.join();
        }
        int found = search.lowest.get();
        return found == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(found);
    }

    private void takeChunks() {
        while (true) {
            int start = cursor.getAndAdd(CHUNK);
            if (start >= count || start > lowest.get()) {
                return;
            }
            int end = Math.min(count, start + CHUNK);
            for (int index = start; index < end; index++) {
                if (fails.test(index)) {
                    lowest.accumulateAndGet(index, Math::min);
                    break;
                }
            }
        }
    }
}
