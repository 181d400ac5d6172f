package org.hn.node.wire.hello;

import java.util.Locale;
import org.hn.node.wire.hello.HelloParseException.Reason;

/**
 * The identification a peer sends in {@code hello} ({@code spec/wire.md §5.1}): posnet version (10
 * characters) ‖ listening port (5 decimal digits, left-padded with 0) ‖ PoS address (34 characters), 49
 * ASCII characters in all, e.g. {@code posnet000206969BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J}.
 *
 * <p>Checking the address (checksum, network: {@code spec/chain.md §2}) and the posnet against the
 * allowed list ({@code spec/wire.md §5.2}) is the session's job, not this type's.
 *
 * @param posnet  protocol version, exactly 10 characters, e.g. {@link #CURRENT_POSNET}
 * @param port    announced listening port, 0–65535; {@link #ONE_SHOT_PORT} and {@link #CLIENT_PORT} are
 *                conventions, not real ports
 * @param address the sender's 34-character PoS address
 */
public record HelloString(String posnet, int port, String address) {

    /** Length of a well-formed hello string in characters. */
    public static final int LENGTH = 49;
    /** Length of the posnet version in characters. */
    public static final int POSNET_LENGTH = 10;
    /** Digits of the port, left-padded with 0. */
    public static final int PORT_DIGITS = 5;
    /** Length of a PoS address in characters. */
    public static final int ADDRESS_LENGTH = 34;
    /** The posnet a node sends until the network's allowed list says otherwise ({@code spec/wire.md §5.2}). */
    public static final String CURRENT_POSNET = "posnet0002";
    /** Port announced on one-shot node connections, rendered {@code 00000}. */
    public static final int ONE_SHOT_PORT = 0;
    /** Port announced by command-line clients, rendered {@code 00101}: below 1000 is never a peer. */
    public static final int CLIENT_PORT = 101;
    /** Largest TCP port. */
    private static final int MAX_PORT = 65_535;

    /**
     * @throws IllegalArgumentException if a part has the wrong length, is not printable ASCII, or the port is
     *                                  outside 0–65535: the reference refuses to build such a hello
     */
    public HelloString {
        requirePrintableAscii("posnet", posnet, POSNET_LENGTH);
        requirePrintableAscii("address", address, ADDRESS_LENGTH);
        requirePort(port);
    }

    /**
     * Parses a hello string positionally, like the reference: posnet = [0,10), port = [10,15),
     * address = [15,49).
     *
     * @throws HelloParseException naming the first defect found
     */
    public static HelloString parse(String text) throws HelloParseException {
        if (text.length() != LENGTH) {
            throw new HelloParseException(Reason.WRONG_LENGTH, text.length() + " characters, expected " + LENGTH);
        }
        for (int index = 0; index < LENGTH; index++) {
            if (!isPrintableAscii(text.charAt(index))) {
                throw new HelloParseException(Reason.NOT_PRINTABLE_ASCII,
                        String.format(Locale.ROOT, "U+%04X at index %d", (int) text.charAt(index), index));
            }
        }
        String portText = text.substring(POSNET_LENGTH, POSNET_LENGTH + PORT_DIGITS);
        int port = 0;
        for (char digit : portText.toCharArray()) {
            if (digit < '0' || digit > '9') {
                throw new HelloParseException(Reason.PORT_NOT_DECIMAL, "port field '" + portText + "'");
            }
            port = port * 10 + (digit - '0');
        }
        if (port > MAX_PORT) {
            throw new HelloParseException(Reason.PORT_OUT_OF_RANGE, "port " + port);
        }
        return new HelloString(text.substring(0, POSNET_LENGTH), port, text.substring(POSNET_LENGTH + PORT_DIGITS));
    }

    /**
     * The port as the reference renders it in hello strings and peer keys: 5 digits, left-padded with 0
     * (6969 → {@code 06969}, 101 → {@code 00101}).
     *
     * @throws IllegalArgumentException if the port is outside 0–65535
     */
    public static String formatPort(int port) {
        requirePort(port);
        return String.format(Locale.ROOT, "%05d", port);
    }

    /** The 49-character wire form. */
    public String text() {
        return posnet + formatPort(port) + address;
    }

    private static void requirePort(int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
    }

    private static void requirePrintableAscii(String part, String value, int length) {
        if (value == null || value.length() != length || !value.chars().allMatch(HelloString::isPrintableAscii)) {
            throw new IllegalArgumentException(part + " must be " + length + " printable ASCII characters, got '" + value + "'");
        }
    }

    private static boolean isPrintableAscii(int character) {
        return character > 0x20 && character < 0x7f;
    }
}
