package org.hn.registry.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.hn.registry.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CPython {@code random} behaviour against {@code mt19937_python_random.json} ({@code spec/rounds.md §6.1}). */
class PythonRandomTest {

    static List<JsonNode> vectors() {
        return Vectors.elements(Vectors.load("mt19937_python_random.json").get("vectors"));
    }

    private static byte[] seedBytes(JsonNode vector) {
        String seed = vector.get("seed").asText();
        return switch (vector.get("seed_type").asText()) {
            case "bytes" -> HexFormat.of().parseHex(seed);
            case "str" -> seed.getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("unknown seed type in " + vector);
        };
    }

    private static PythonRandom seeded(JsonNode vector) {
        return vector.get("seed_type").asText().equals("str")
                ? PythonRandom.fromText(vector.get("seed").asText())
                : PythonRandom.fromBytes(seedBytes(vector));
    }

    private static List<Integer> range(int size) {
        return new ArrayList<>(IntStream.range(0, size).boxed().toList());
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.intValue()));
        return values;
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void seedKeyHasTheReferenceWords(JsonNode vector) {
        List<String> expected = new ArrayList<>();
        vector.get("seed_int_words_le_hex").forEach(word -> expected.add(word.asText()));

        List<String> actual = new ArrayList<>();
        for (int word : PythonRandom.seedKey(seedBytes(vector))) {
            actual.add(String.format("%08x", word));
        }
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void firstRawOutputsMatch(JsonNode vector) {
        PythonRandom random = seeded(vector);
        for (JsonNode expected : vector.get("first_5_uint32")) {
            assertEquals(expected.longValue(), random.nextUint32());
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void getrandbitsSequenceMatches(JsonNode vector) {
        PythonRandom random = seeded(vector);
        for (JsonNode call : vector.get("after_reseed_getrandbits_sequence")) {
            assertEquals(call.get(1).longValue(), random.getrandbits(call.get(0).intValue()),
                    "getrandbits(" + call.get(0) + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void randbelowSequenceMatches(JsonNode vector) {
        PythonRandom random = seeded(vector);
        for (JsonNode call : vector.get("after_reseed_randbelow_sequence")) {
            assertEquals(call.get(1).intValue(), random.randbelow(call.get(0).intValue()),
                    "randbelow(" + call.get(0) + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void sampleChoiceAndShuffleInOneSequenceMatch(JsonNode vector) {
        JsonNode expected = vector.get(
                "after_reseed_then_sample_range10_k2_then_sample_range30_k2_then_5_choices_of_0to4_then_shuffle_range12");
        PythonRandom random = seeded(vector);

        assertEquals(ints(expected.get("sample10")), random.sampleTwo(range(10)), "pool path (10 ≤ 21)");
        assertEquals(ints(expected.get("sample30")), random.sampleTwo(range(30)), "set path (30 > 21)");
        List<Integer> choices = new ArrayList<>();
        for (int draw = 0; draw < 5; draw++) {
            choices.add(random.choice(range(5)));
        }
        assertEquals(ints(expected.get("choices")), choices);
        List<Integer> shuffled = range(12);
        random.shuffle(shuffled);
        assertEquals(ints(expected.get("shuffle12")), shuffled);
    }

    @Test
    void textSeedIsTheUtf8BytesSeed() {
        String seed = "BHbbLpbTAVKrJ1XDLMM48Qa6xJuCGofCuH881é";
        PythonRandom fromText = PythonRandom.fromText(seed);
        PythonRandom fromBytes = PythonRandom.fromBytes(seed.getBytes(StandardCharsets.UTF_8));
        for (int draw = 0; draw < 700; draw++) {
            assertEquals(fromBytes.nextUint32(), fromText.nextUint32());
        }
    }

    @Test
    void observerSeesRejectedDrawsOfRandbelow() {
        // The empty seed's first raw outputs are 4124137760 and 1951988028 (vector 0); their top 4 bits are
        // 15 and 7, so randbelow(8) rejects 15 and returns 7.
        List<String> observed = new ArrayList<>();
        PythonRandom random = PythonRandom.fromBytes(new byte[0], (bits, value) -> observed.add(bits + ":" + value));

        assertEquals(7, random.randbelow(8));
        assertEquals(List.of("4:15", "4:7"), observed);
    }

    @Test
    void badArgumentsAreRejected() {
        PythonRandom random = PythonRandom.fromBytes(new byte[] {1});
        assertThrows(IllegalArgumentException.class, () -> random.getrandbits(0));
        assertThrows(IllegalArgumentException.class, () -> random.getrandbits(33));
        assertThrows(IllegalArgumentException.class, () -> random.randbelow(0));
        assertThrows(IllegalArgumentException.class, () -> random.choice(List.of()));
        assertThrows(IllegalArgumentException.class, () -> random.sampleTwo(List.of("only")));
    }
}
