package org.hn.node.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * JSON texts as the reference's {@code json.dumps} writes them with default settings ({@code spec/wire.md §9}):
 * {@code ", "} and {@code ": "} separators, non-ASCII escaped, keys in insertion order; and the canonical
 * digests of the status {@code meta} section ({@code spec/client.md §6.1}).
 */
public final class PythonJson {

    /** The mapper building the answers' trees. */
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    /** Reads answers with exact decimals. */
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    /** Writes the canonical form of {@link #digest}. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private PythonJson() {
    }

    /**
     * Reads a JSON text such as a node's answer, keeping every decimal exactly as written ({@code 90.9},
     * {@code 1700000003.250}), so that {@link #render} writes it back unchanged.
     *
     * @throws JsonProcessingException when the text is not one JSON value
     */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return READER.readTree(text);
    }

    /** {@code json.dumps(value)}. */
    public static String render(JsonNode value) {
        try {
            return MAPPER.writer(new PythonSeparators()).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * The canonical digest of a value ({@code spec/client.md §6.1}, careful variant): SHA-256 of its canonical JSON,
     * lowercase hex. Canonical JSON is compact (no spaces), object keys sorted at every depth, non-ASCII characters
     * written as JSON unicode escapes (six ASCII characters each), so the bytes are ASCII. Callers pass sets as
     * sorted arrays: two nodes holding the same data print the same digest, whatever order they built it in.
     */
    public static String digest(JsonNode value) {
        try {
            byte[] json = CANONICAL.writeValueAsString(value).getBytes(StandardCharsets.US_ASCII);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Python's default item and key separators. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }
    }
}
