package org.hn.pow.socket;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * The PoW node's legacy framing ({@code spec/pow.md §9.1}): 10 ASCII digits giving the payload's length in bytes,
 * left-padded with {@code 0}, then the payload (UTF-8 JSON).
 */
public final class LegacyFrame {

    /** Digits of the length header. */
    public static final int LENGTH_DIGITS = 10;

    private LegacyFrame() {
    }

    /**
     * Writes one frame and flushes.
     *
     * @throws IOException when the stream fails
     */
    public static void write(OutputStream out, String json) throws IOException {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        String header = String.format("%0" + LENGTH_DIGITS + "d", payload.length);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(payload);
        out.flush();
    }

    /**
     * Reads one frame; the length is checked against the cap before any payload is buffered.
     *
     * @param maxPayloadBytes largest payload accepted
     * @return the payload as UTF-8 text
     * @throws ProtocolException when the header is not 10 digits or announces more than the cap
     * @throws EOFException when the stream ends inside the frame
     * @throws IOException      when the stream fails
     */
    public static String read(InputStream in, int maxPayloadBytes) throws IOException {
        byte[] header = in.readNBytes(LENGTH_DIGITS);
        if (header.length < LENGTH_DIGITS) {
            throw new EOFException("stream ended in a frame header after " + header.length + " bytes");
        }
        long length = 0;
        for (byte digit : header) {
            if (digit < '0' || digit > '9') {
                throw new ProtocolException("frame header is not 10 ASCII digits: "
                        + new String(header, StandardCharsets.ISO_8859_1));
            }
            length = length * 10 + (digit - '0');
        }
        if (length > maxPayloadBytes) {
            throw new ProtocolException("frame of " + length + " bytes exceeds the cap of " + maxPayloadBytes);
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
            throw new EOFException("stream ended after " + payload.length + " of " + length + " bytes");
        }
        return new String(payload, StandardCharsets.UTF_8);
    }
}
