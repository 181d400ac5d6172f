package org.hn.plugin.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree exactly as CPython's {@code json.dumps(value)} and {@code json.dumps(value, indent=2)} do, the
 * forms the reference's plugin sends and stores ({@code spec/pow.md §5.6, §9.1}): separators {@code ", "} and
 * {@code ": "} (compact) or {@code ","} with a newline and two spaces per level (indented), {@code {}} and {@code []}
 * for empty containers, no trailing newline, keys in the tree's order, and {@code ensure_ascii} escaping (every
 * character outside space–tilde as {@code \\uxxxx} in lower-case hex, UTF-16 units).
 *
 * <p>Numbers are written from their exact decimal value, never through binary floating point: build them with
 * {@link #ledgerNumber} and {@link #floatNumber}.
 */
public final class PythonJson {

    private static final String INDENT = "  ";
    private static final double PYTHON_EXPONENT_FORM = 1e16;

    private PythonJson() {
    }

    /** {@code json.dumps(value)}. */
    public static String compact(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0, false);
        return out.toString();
    }

    /** {@code json.dumps(value, indent=2)}. */
    public static String indented(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0, true);
        return out.toString();
    }

    /**
     * A number read from a NUMERIC ledger cell, written as Python writes what {@code sqlite3} returns for it: an
     * integral value as an integer ({@code 1535403590}), any other as its decimal digits ({@code 1535097629.63}).
     */
    public static JsonNode ledgerNumber(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return DecimalNode.valueOf(stripped.scale() <= 0 ? stripped.setScale(0) : stripped);
    }

    /**
     * A Python float of the magnitude of a unix timestamp: an integral value keeps one decimal
     * ({@code 1535403600.0}), any other is the shortest decimal that reads back as the same double.
     *
     * @throws IllegalArgumentException for NaN, an infinity (not JSON) or a magnitude of 10<sup>16</sup> or more
     *                                  (which Python writes in exponent form)
     */
    public static JsonNode floatNumber(double value) {
        if (!Double.isFinite(value) || Math.abs(value) >= PYTHON_EXPONENT_FORM) {
            throw new IllegalArgumentException("not a float written in plain form: " + value);
        }
        if (value == Math.rint(value)) {
            return DecimalNode.valueOf(BigDecimal.valueOf((long) value).setScale(1));
        }
        return DecimalNode.valueOf(BigDecimal.valueOf(value));
    }

    private static void write(StringBuilder out, JsonNode node, int depth, boolean indented) {
        switch (node.getNodeType()) {
            case OBJECT -> container(out, node.properties().iterator(), '{', '}', depth, indented);
            case ARRAY -> container(out, node.elements(), '[', ']', depth, indented);
            case STRING -> string(out, node.textValue());
            case NUMBER -> number(out, node);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void container(StringBuilder out, Iterator<?> items, char open, char close, int depth,
                                  boolean indented) {
        out.append(open);
        if (!items.hasNext()) {
            out.append(close);
            return;
        }
        boolean first = true;
        while (items.hasNext()) {
            Object item = items.next();
            if (!first) {
                out.append(indented ? "," : ", ");
            }
            if (indented) {
                newline(out, depth + 1);
            }
            JsonNode value;
            if (item instanceof Map.Entry<?, ?> property) {
                string(out, (String) property.getKey());
                out.append(": ");
                value = (JsonNode) property.getValue();
            } else {
                value = (JsonNode) item;
            }
            write(out, value, depth + 1, indented);
            first = false;
        }
        if (indented) {
            newline(out, depth);
        }
        out.append(close);
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        out.append(INDENT.repeat(depth));
    }

    private static void number(StringBuilder out, JsonNode node) {
        if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isBigDecimal()) {
            out.append(node.decimalValue().toPlainString());
        } else {
            throw new IllegalArgumentException("binary floating-point number " + node
                    + ": use ledgerNumber or floatNumber for an exact decimal");
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < ' ' || c > '~') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
