package org.hn.registry.schedule;

import static org.hn.registry.HypernodeFixtures.hypernode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hn.registry.Hypernode;
import org.hn.registry.Vectors;
import org.hn.registry.random.PythonRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Test schedules against {@code test_slots.json}, whose cases are the registries and jurors of
 * {@code tickets_jurors.json} ({@code spec/rounds.md §6.1–§6.2}).
 */
class TestScheduleTest {

    private static final byte[] ANY_REFERENCE = new byte[20];

    /** Pairs each test-slot case with the juror case it was computed from (same index, same name). */
    static List<Object[]> cases() {
        List<JsonNode> slotCases = Vectors.elements(Vectors.load("test_slots.json").get("cases"));
        List<JsonNode> jurorCases = Vectors.elements(Vectors.load("tickets_jurors.json").get("cases"));
        assertEquals(jurorCases.size(), slotCases.size());
        List<Object[]> cases = new ArrayList<>();
        for (int i = 0; i < slotCases.size(); i++) {
            assertEquals(jurorCases.get(i).get("case"), slotCases.get(i).get("case"));
            cases.add(new Object[] {slotCases.get(i), jurorCases.get(i)});
        }
        return cases;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void seedKeyAndFirstOutputsMatch(JsonNode slotCase, JsonNode jurorCase) {
        byte[] seed = Vectors.hex(slotCase.get("seed_bytes_hex"));
        assertEquals(jurorCase.get("reference_hash_hex"), slotCase.get("seed_bytes_hex"));

        List<String> expectedWords = new ArrayList<>();
        slotCase.get("seed_int_words_le_hex").forEach(word -> expectedWords.add(word.asText()));
        List<String> words = new ArrayList<>();
        for (int word : PythonRandom.seedKey(seed)) {
            words.add(String.format("%08x", word));
        }
        assertEquals(expectedWords, words);

        PythonRandom random = PythonRandom.fromBytes(seed);
        for (JsonNode expected : slotCase.get("first_10_uint32_after_seed")) {
            assertEquals(expected.longValue(), random.nextUint32());
        }
    }

    @Test
    void leadingZeroBytesShortenTheSeedKeyToTwentyWords() {
        JsonNode caseC = Vectors.load("test_slots.json").get("cases").get(2);

        assertEquals("00000000491e2756a3bd13939e029b455cfb8295", caseC.get("seed_bytes_hex").asText());
        assertEquals(20, PythonRandom.seedKey(Vectors.hex(caseC.get("seed_bytes_hex"))).length);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void testScheduleAndItsDrawsMatchTheReference(JsonNode slotCase, JsonNode jurorCase) {
        List<Hypernode> registry = Vectors.registry(jurorCase.get("hn_list"));
        byte[] reference = Vectors.hex(slotCase.get("seed_bytes_hex"));
        int testsPerSlot = slotCase.get("tests_per_slot").intValue();
        List<Integer> testTypes = new ArrayList<>();
        slotCase.get("tests_type").forEach(type -> testTypes.add(type.intValue()));
        List<String> expectedAddresses = new ArrayList<>();
        slotCase.get("all_hn_addresses").forEach(address -> expectedAddresses.add(address.asText()));
        assertEquals(expectedAddresses, registry.stream().map(Hypernode::posAddress).toList());

        JurorSchedule jurors = JurorSchedule.draw(registry, reference);
        List<Juror> expectedJurors = new ArrayList<>();
        for (JsonNode row : slotCase.get("forge_slots")) {
            expectedJurors.add(new Juror(expectedJurors.size(), row.get(0).asText(), row.get(1).intValue()));
        }
        assertEquals(expectedJurors, jurors.jurors());

        List<List<TestAssignment>> expectedSlots = new ArrayList<>();
        for (JsonNode slot : slotCase.get("test_slots")) {
            List<TestAssignment> tests = new ArrayList<>();
            for (JsonNode test : slot) {
                tests.add(new TestAssignment(test.get(0).asText(), test.get(1).asText(), test.get(2).intValue()));
            }
            expectedSlots.add(tests);
        }
        List<String> expectedTrace = new ArrayList<>();
        for (JsonNode call : slotCase.get("getrandbits_trace_first_40")) {
            expectedTrace.add(call.get(0).intValue() + ":" + call.get(1).longValue());
        }

        List<String> trace = new ArrayList<>();
        PythonRandom traced = PythonRandom.fromBytes(reference, (bits, value) -> trace.add(bits + ":" + value));
        TestSchedule schedule = TestSchedule.drawWith(traced, registry, jurors, testsPerSlot, testTypes);

        assertEquals(expectedSlots, schedule.slots());
        assertEquals(expectedTrace, trace.subList(0, expectedTrace.size()));
        assertEquals(slotCase.get("getrandbits_calls_total").intValue(), trace.size());
        assertEquals(schedule, TestSchedule.draw(registry, jurors, reference, testsPerSlot, testTypes));
        assertEquals(schedule, TestSchedule.draw(registry, jurors, reference), "vectors use the defaults 8 and 0–4");
        assertEquals(expectedSlots.get(0), schedule.testsOfSlot(0));
        assertEquals(List.of(), schedule.testsOfSlot(19));
    }

    @Test
    void aSlotWithFewerThanTwoCandidatesGetsNoTestAndDrawsNothing() {
        // Only A holds tickets, so A forges every slot and B is the sole candidate.
        List<Hypernode> registry = List.of(hypernode("A", 1, true), hypernode("B", 1, false), hypernode("A", 1, true));
        JurorSchedule jurors = JurorSchedule.draw(registry, ANY_REFERENCE);
        List<String> trace = new ArrayList<>();
        PythonRandom traced = PythonRandom.fromBytes(ANY_REFERENCE, (bits, value) -> trace.add(bits + ":" + value));

        TestSchedule schedule = TestSchedule.drawWith(traced, registry, jurors, 8, TestSchedule.DEFAULT_TEST_TYPES);

        assertEquals(19, schedule.slots().size());
        schedule.slots().forEach(tests -> assertEquals(List.of(), tests));
        assertEquals(List.of(), trace);
    }

    @Test
    void aRoundWithoutForgerHasNoTestSlots() {
        List<Hypernode> registry = List.of(hypernode("A", 1, false), hypernode("B", 1, false));
        JurorSchedule jurors = JurorSchedule.draw(registry, ANY_REFERENCE);

        TestSchedule schedule = TestSchedule.draw(registry, jurors, ANY_REFERENCE);

        assertEquals(List.of(), schedule.slots());
        assertEquals(List.of(), schedule.testsOfSlot(0));
    }

    @Test
    void zeroTestsPerSlotGivesNineteenEmptySlots() {
        List<Hypernode> registry = List.of(hypernode("A", 1, true), hypernode("B", 1, true), hypernode("C", 1, true));
        JurorSchedule jurors = JurorSchedule.draw(registry, ANY_REFERENCE);

        TestSchedule schedule = TestSchedule.draw(registry, jurors, ANY_REFERENCE, 0, List.of(0));

        assertEquals(19, schedule.slots().size());
        schedule.slots().forEach(tests -> assertEquals(List.of(), tests));
    }

    @Test
    void badInputIsRejected() {
        List<Hypernode> registry = List.of(hypernode("A", 1, true), hypernode("B", 1, true), hypernode("C", 1, true));
        JurorSchedule jurors = JurorSchedule.draw(registry, ANY_REFERENCE);

        assertThrows(IllegalArgumentException.class, () -> TestSchedule.draw(registry, jurors, new byte[19]));
        assertThrows(IllegalArgumentException.class,
                () -> TestSchedule.draw(registry, jurors, ANY_REFERENCE, -1, List.of(0)));
        assertThrows(IllegalArgumentException.class,
                () -> TestSchedule.draw(registry, jurors, ANY_REFERENCE, 8, List.of()));
        TestSchedule schedule = TestSchedule.draw(registry, jurors, ANY_REFERENCE);
        assertThrows(IllegalArgumentException.class, () -> schedule.testsOfSlot(20));
    }
}
