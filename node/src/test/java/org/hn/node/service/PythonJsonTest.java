package org.hn.node.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The canonical {@code meta} digests ({@code spec/client.md §6.1}); expected values from {@code sha256sum}. */
class PythonJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDigestHashesCompactJsonWithSortedKeys() throws Exception {
        // printf '%s' '{"a":"x","b":[2,1]}' | sha256sum
        assertEquals("1bb141b0beaf4ebf42280d226d19296aa9bcde08525419393fa8c706e6a57148",
                PythonJson.digest(JSON.readTree("{\"b\": [2, 1], \"a\": \"x\"}")));
        assertEquals(PythonJson.digest(JSON.readTree("{\"a\": \"x\", \"b\": [2, 1]}")),
                PythonJson.digest(JSON.readTree("{\"b\": [2, 1], \"a\": \"x\"}")), "key order does not matter");
    }

    @Test
    void nestedKeysAreSortedAndNonAsciiIsEscaped() throws Exception {
        // sha256sum of {"a":{"c":1,"d":null},"b":"<backslash>u00E9"}: the escape is six ASCII characters, hex uppercase
        assertEquals("bfc0efbb4cbcfcbe98f4b39398975c77d210977344125d67556aa7f4118030d3",
                PythonJson.digest(JSON.readTree("{\"b\": \"\u00e9\", \"a\": {\"d\": null, \"c\": 1}}")));
    }

    @Test
    void aSortedAddressSetHashesAsItsJsonArray() throws Exception {
        // printf '%s' '["BAddr1","BAddr2"]' | sha256sum
        assertEquals("24771d667da7ff0a0c6b8b02e9fe07b8ee8b9c06774a25dff5058b548743a4e8",
                PythonJson.digest(JSON.readTree("[\"BAddr1\", \"BAddr2\"]")));
    }
}
