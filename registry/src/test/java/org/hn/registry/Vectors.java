package org.hn.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads the reference's test vectors from the directory named by the {@code hn.testdata} system property. */
public final class Vectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    /** Parses {@code <hn.testdata>/vectors/<fileName>}. */
    public static JsonNode load(String fileName) {
        String root = System.getProperty("hn.testdata");
        if (root == null) {
            throw new IllegalStateException("system property hn.testdata must name the shared testdata directory");
        }
        Path file = Path.of(root, "vectors", fileName);
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test vector " + file, e);
        }
    }

    /** The elements of a JSON array, for parameterised tests. */
    public static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    /** Decodes a lowercase hex string node. */
    public static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.asText());
    }

    /**
     * Builds registry entries from rows in the vectors' column order
     * {@code [pos_address, ip, port, weight, pow_registrar, pow_reward]}, all active.
     */
    public static List<Hypernode> registry(JsonNode rows) {
        List<Hypernode> registry = new ArrayList<>();
        for (JsonNode row : rows) {
            registry.add(new Hypernode(row.get(4).asText(), row.get(1).asText(), row.get(2).asText(),
                    row.get(0).asText(), row.get(5).asText(), row.get(3).intValue(), BigDecimal.ZERO, true));
        }
        return registry;
    }
}
