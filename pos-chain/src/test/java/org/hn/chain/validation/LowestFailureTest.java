package org.hn.chain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LowestFailureTest {

    @Test
    void emptyWhenNoIndexFails() {
        AtomicInteger checks = new AtomicInteger();
        assertEquals(OptionalInt.empty(), LowestFailure.find(1000, index -> {
            checks.incrementAndGet();
            return false;
        }));
        assertEquals(1000, checks.get());
    }

    @Test
    void emptyRangeChecksNothing() {
        assertEquals(OptionalInt.empty(), LowestFailure.find(0, index -> {
            throw new AssertionError("no index to check");
        }));
    }

    @Test
    void lowestOfSeveralFailuresWithEveryIndexBelowItChecked() {
        Set<Integer> failing = Set.of(517, 518, 731, 999);
        Set<Integer> checked = ConcurrentHashMap.newKeySet();
        OptionalInt found = LowestFailure.find(1000, index -> {
            checked.add(index);
            return failing.contains(index);
        });
        assertEquals(OptionalInt.of(517), found);
        for (int index = 0; index <= 517; index++) {
            assertTrue(checked.contains(index), "index " + index + " was not checked");
        }
    }

    @Test
    void failureInTheFirstAndTheLastChunk() {
        assertEquals(OptionalInt.of(0), LowestFailure.find(200, index -> index == 0 || index == 199));
        assertEquals(OptionalInt.of(199), LowestFailure.find(200, index -> index == 199));
    }

    @Test
    void shortRangeStaysOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        assertEquals(OptionalInt.of(40), LowestFailure.find(LowestFailure.PARALLEL_THRESHOLD - 1, index -> {
            threads.add(Thread.currentThread());
            return index >= 40;
        }));
        assertEquals(Set.of(caller), threads);
    }

    @Test
    void negativeCountIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LowestFailure.find(-1, index -> false));
    }
}
