package org.hn.chain.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The reference's vectors in {@code shared/testdata}, found through the {@code hn.testdata} system property
 * that the build sets. Shared by the tests of every module through the pos-chain test jar.
 */
public final class TestData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestData() {
    }

    /** The testdata folder; fails loudly when it is missing, since the vectors are the acceptance test. */
    public static Path root() {
        Path root = Path.of(System.getProperty("hn.testdata", "../../shared/testdata"));
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("test vectors not found at " + root.toAbsolutePath()
                    + "; run Maven from the repository root with shared/ beside it, or pass -Dhn.testdata=DIR");
        }
        return root;
    }

    /** A file of {@code shared/testdata}. */
    public static Path file(String relativePath) {
        return root().resolve(relativePath);
    }

    /** A vector file of {@code shared/testdata/vectors} parsed as JSON. */
    public static JsonNode vectors(String fileName) {
        return json("vectors/" + fileName);
    }

    /** Any JSON file of {@code shared/testdata}. */
    public static JsonNode json(String relativePath) {
        try {
            return JSON.readTree(file(relativePath).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex text of a vector field as bytes. */
    public static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.asText());
    }

    /** Vector numbers are written as JSON numbers or as decimal text; either reads as a long. */
    public static long number(JsonNode node) {
        return node.isNumber() ? node.asLong() : Long.parseLong(node.asText());
    }

    /** Vector booleans are written as JSON booleans or as Python's {@code "True"}/{@code "False"}. */
    public static boolean bool(JsonNode node) {
        return node.isBoolean() ? node.asBoolean() : Boolean.parseBoolean(node.asText());
    }

    /** The i-th test key: SHA-256("bismuth-hypernode-spec-key-i") mod n, as the vectors were made. */
    public static byte[] testKeyBytes(int index) {
        return HexFormat.of().parseHex(vectors("addresses.json").at("/vectors/" + index + "/privkey_hex").asText());
    }
}
