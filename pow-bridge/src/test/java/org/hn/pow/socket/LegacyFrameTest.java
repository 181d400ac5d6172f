package org.hn.pow.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code spec/pow.md §9.1}. */
class LegacyFrameTest {

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHeaderIsTheZeroPaddedByteLength() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LegacyFrame.write(out, "\"HN_plugin_version\"");
        assertArrayEquals("0000000019\"HN_plugin_version\"".getBytes(StandardCharsets.US_ASCII), out.toByteArray());
        out.reset();
        LegacyFrame.write(out, "\"é\"");
        assertEquals("0000000004", new String(out.toByteArray(), 0, 10, StandardCharsets.US_ASCII));
    }

    @Test
    void readsOneFrameAndLeavesTheRest() throws IOException {
        ByteArrayInputStream in = bytes("0000000004\"é\"0000000001");
        assertEquals("\"é\"", LegacyFrame.read(in, 100));
        assertEquals(10, in.available());
    }

    @Test
    void malformedHeadersOversizedAndTruncatedFramesAreTypedErrors() {
        assertThrows(ProtocolException.class, () -> LegacyFrame.read(bytes("00000x0004true"), 100));
        assertThrows(ProtocolException.class, () -> LegacyFrame.read(bytes("-000000004true"), 100));
        assertThrows(ProtocolException.class, () -> LegacyFrame.read(bytes("9999999999true"), 100));
        assertThrows(EOFException.class, () -> LegacyFrame.read(bytes("0000000010true"), 100));
        assertThrows(EOFException.class, () -> LegacyFrame.read(bytes("00000"), 100));
    }
}
