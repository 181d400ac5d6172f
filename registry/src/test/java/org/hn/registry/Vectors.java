package org.hn.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hn.chain.testing.TestData;

/** The reference's registry vectors, read through the shared {@link TestData}, and registries built from their rows. */
public final class Vectors {

    private Vectors() {
    }

    /** Parses {@code <hn.testdata>/vectors/<fileName>}. */
    public static JsonNode load(String fileName) {
        return TestData.vectors(fileName);
    }

    /** The elements of a JSON array, for parameterised tests. */
    public static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    /** Decodes a lowercase hex string node. */
    public static byte[] hex(JsonNode node) {
        return TestData.hex(node);
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
