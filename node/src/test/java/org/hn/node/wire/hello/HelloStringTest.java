package org.hn.node.wire.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.hn.node.wire.WireVectors;
import org.hn.node.wire.hello.HelloParseException.Reason;
import org.junit.jupiter.api.Test;

class HelloStringTest {

    private static final String ADDRESS = "BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J";

    @Test
    void buildsAndParsesTheReferenceHelloStrings() throws HelloParseException {
        JsonNode hellos = WireVectors.wire().get("hello");
        assertEquals(3, hellos.size());
        for (JsonNode vector : hellos) {
            JsonNode parsed = vector.get("parsed");
            HelloString expected = new HelloString(
                    parsed.get("posnet").asText(), parsed.get("port").asInt(), parsed.get("address").asText());
            String text = vector.get("hello_string").asText();

            assertEquals(text, expected.text());
            assertEquals(expected, HelloString.parse(text));
            assertEquals(vector.get("port").asInt(), HelloString.parse(text).port());
        }
    }

    @Test
    void rendersPortsAsFiveDigits() {
        assertEquals("06969", HelloString.formatPort(6969));
        assertEquals("00000", HelloString.formatPort(HelloString.ONE_SHOT_PORT));
        assertEquals("00101", HelloString.formatPort(HelloString.CLIENT_PORT));
        assertEquals("65535", HelloString.formatPort(65_535));
        assertEquals("posnet000200101" + ADDRESS,
                new HelloString(HelloString.CURRENT_POSNET, HelloString.CLIENT_PORT, ADDRESS).text());
    }

    @Test
    void namesWhatIsWrongWithAPeersHello() {
        String valid = "posnet000206969" + ADDRESS;
        assertReason(Reason.WRONG_LENGTH, "");
        assertReason(Reason.WRONG_LENGTH, valid.substring(1));
        assertReason(Reason.WRONG_LENGTH, valid + "X");
        assertReason(Reason.NOT_PRINTABLE_ASCII, valid.substring(0, 20) + "é" + valid.substring(21));
        assertReason(Reason.NOT_PRINTABLE_ASCII, "posnet0002 6969" + ADDRESS);
        assertReason(Reason.PORT_NOT_DECIMAL, "posnet00020696A" + ADDRESS);
        assertReason(Reason.PORT_NOT_DECIMAL, "posnet0002-6969" + ADDRESS);
        assertReason(Reason.PORT_OUT_OF_RANGE, "posnet000265536" + ADDRESS);
        assertReason(Reason.PORT_OUT_OF_RANGE, "posnet000299999" + ADDRESS);
    }

    @Test
    void refusesToBuildAMalformedHello() {
        assertThrows(IllegalArgumentException.class, () -> new HelloString("posnet002", 6969, ADDRESS));
        assertThrows(IllegalArgumentException.class, () -> new HelloString("posnet0002", -1, ADDRESS));
        assertThrows(IllegalArgumentException.class, () -> new HelloString("posnet0002", 65_536, ADDRESS));
        assertThrows(IllegalArgumentException.class, () -> new HelloString("posnet0002", 6969, ADDRESS.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> new HelloString("posnet0002", 6969, null));
        assertThrows(IllegalArgumentException.class, () -> HelloString.formatPort(100_000));
    }

    private static void assertReason(Reason expected, String text) {
        HelloParseException error = assertThrows(HelloParseException.class, () -> HelloString.parse(text));
        assertEquals(expected, error.reason());
    }
}
