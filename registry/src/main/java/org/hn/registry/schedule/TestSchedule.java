package org.hn.registry.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hn.config.Network;
import org.hn.registry.Hypernode;
import org.hn.registry.random.PythonRandom;

/**
 * The tests of each forging slot of a round, drawn as the reference's {@code hn_list_to_test_slots} does
 * ({@code spec/rounds.md §6.2}): for every slot, pairs of hypernodes other than the slot's forger, each pair
 * with a test type.
 */
public final class TestSchedule {

    /** Tests drawn per slot ({@code TESTS_PER_SLOT}, tunable by the rainbow configuration). */
    public static final int DEFAULT_TESTS_PER_SLOT = 8;
    /** Test types drawn from ({@code TESTS_TYPE}). */
    public static final List<Integer> DEFAULT_TEST_TYPES = List.of(0, 1, 2, 3, 4);

    private final List<List<TestAssignment>> slots;

    private TestSchedule(List<List<TestAssignment>> slots) {
        this.slots = List.copyOf(slots);
    }

    /** {@link #draw(List, JurorSchedule, byte[], int, List)} with 8 tests per slot and types 0–4. */
    public static TestSchedule draw(List<Hypernode> registry, JurorSchedule jurors, byte[] referenceHash) {
        return draw(registry, jurors, referenceHash, DEFAULT_TESTS_PER_SLOT, DEFAULT_TEST_TYPES);
    }

    /**
     * Draws the test schedule of a round with a generator seeded with the reference hash.
     *
     * @param registry      every registered hypernode, active or not, in registry order
     *                      ({@code spec/rounds.md §5.3}); hypernodes appear once per entry
     * @param jurors        the round's juror schedule ({@code spec/rounds.md §4})
     * @param referenceHash the round's 20-byte reference hash, the same one the jurors were drawn with
     * @param testsPerSlot  tests wanted per slot, ≥ 0
     * @param testTypes     the test types to draw from, not empty
     * @return one test list per juror slot (19 lists; none when the round has no forger)
     * @throws IllegalArgumentException if the reference hash is not 20 bytes, {@code testsPerSlot} is negative
     *                                  or {@code testTypes} is empty
     */
    public static TestSchedule draw(List<Hypernode> registry, JurorSchedule jurors, byte[] referenceHash,
                                    int testsPerSlot, List<Integer> testTypes) {
        Ticket.requireReferenceHash(referenceHash);
        return drawWith(PythonRandom.fromBytes(referenceHash), registry, jurors, testsPerSlot, testTypes);
    }

    /**
     * Draws the test schedule with a given generator, which must be freshly seeded with the round's reference
     * hash for the result to match other nodes'; lets a caller observe every draw
     * ({@link PythonRandom#fromBytes(byte[], PythonRandom.DrawObserver)}).
     *
     * @throws IllegalArgumentException if {@code testsPerSlot} is negative or {@code testTypes} is empty
     * @see #draw(List, JurorSchedule, byte[], int, List)
     */
    public static TestSchedule drawWith(PythonRandom random, List<Hypernode> registry, JurorSchedule jurors,
                                        int testsPerSlot, List<Integer> testTypes) {
        Objects.requireNonNull(random, "random");
        if (testsPerSlot < 0) {
            throw new IllegalArgumentException("tests per slot cannot be negative, got " + testsPerSlot);
        }
        if (testTypes.isEmpty()) {
            throw new IllegalArgumentException("at least one test type is needed");
        }
        List<String> addresses = registry.stream().map(Hypernode::posAddress).toList();
        List<List<TestAssignment>> slots = new ArrayList<>(jurors.jurors().size());
        for (Juror juror : jurors.jurors()) {
            List<String> candidates = addresses.stream()
                    .filter(address -> !address.equals(juror.posAddress()))
                    .toList();
            List<TestAssignment> tests = new ArrayList<>(testsPerSlot);
            // With fewer than two candidates the reference stops the slot before drawing anything.
            while (tests.size() < testsPerSlot && candidates.size() >= 2) {
                List<String> pair = random.sampleTwo(candidates);
                int type = random.choice(testTypes);
                tests.add(new TestAssignment(pair.get(0), pair.get(1), type));
            }
            slots.add(List.copyOf(tests));
        }
        return new TestSchedule(slots);
    }

    /** The test lists of the juror slots, in slot order (slot 0 first). */
    public List<List<TestAssignment>> slots() {
        return slots;
    }

    /**
     * The tests of one slot.
     *
     * @param slot 0–19
     * @return the slot's tests; empty for the end-of-round slot 19 and when the round has no forger
     * @throws IllegalArgumentException if {@code slot} is outside 0–19
     */
    public List<TestAssignment> testsOfSlot(int slot) {
        if (slot < 0 || slot >= Network.SLOTS_PER_ROUND) {
            throw new IllegalArgumentException("a round has slots 0 to " + (Network.SLOTS_PER_ROUND - 1)
                    + ", got " + slot);
        }
        return slot < slots.size() ? slots.get(slot) : List.of();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestSchedule schedule && slots.equals(schedule.slots);
    }

    @Override
    public int hashCode() {
        return slots.hashCode();
    }

    @Override
    public String toString() {
        return "TestSchedule" + slots;
    }
}
