package org.hn.plugin.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Expected texts are what CPython 3 prints for {@code json.dumps(v)} and {@code json.dumps(v, indent=2)}. */
class PythonJsonTest {

    private static ObjectNode sample() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("b", 1);
        root.putArray("list").add("x").add(true).addNull();
        root.putObject("empty");
        root.putArray("none");
        root.putObject("nested").put("k", "v");
        return root;
    }

    @Test
    void compactUsesPythonSeparators() {
        assertEquals("{\"b\": 1, \"list\": [\"x\", true, null], \"empty\": {}, \"none\": [], \"nested\": {\"k\": \"v\"}}",
                PythonJson.compact(sample()));
    }

    @Test
    void indentedUsesTwoSpacesAndNoTrailingNewline() {
        assertEquals("{\n  \"b\": 1,\n  \"list\": [\n    \"x\",\n    true,\n    null\n  ],\n  \"empty\": {},\n"
                + "  \"none\": [],\n  \"nested\": {\n    \"k\": \"v\"\n  }\n}", PythonJson.indented(sample()));
    }

    @Test
    void stringsAreEscapedLikeEnsureAscii() {
        String text = "q\"b\\n\nt\tc\u0001d\u007fé😀/";
        assertEquals("\"q\\\"b\\\\n\\nt\\tc\\u0001d\\u007f\\u00e9\\ud83d\\ude00/\"",
                PythonJson.compact(JsonNodeFactory.instance.textNode(text)));
    }

    @Test
    void ledgerNumbersAreExactAndIntegralOnesAreIntegers() {
        assertEquals("1535097629.63", PythonJson.compact(PythonJson.ledgerNumber(new BigDecimal("1535097629.630"))));
        assertEquals("1535403590", PythonJson.compact(PythonJson.ledgerNumber(new BigDecimal("1535403590.00"))));
        assertEquals("1535403600", PythonJson.compact(PythonJson.ledgerNumber(new BigDecimal("1.5354036E+9"))));
    }

    @Test
    void floatsKeepOneDecimalWhenIntegral() {
        assertEquals("1535403600.0", PythonJson.compact(PythonJson.floatNumber(1_535_403_600d)));
        assertEquals("1535403599.99", PythonJson.compact(PythonJson.floatNumber(1_535_403_599.99)));
        assertThrows(IllegalArgumentException.class, () -> PythonJson.floatNumber(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> PythonJson.compact(DoubleNode.valueOf(0.1)));
    }
}
