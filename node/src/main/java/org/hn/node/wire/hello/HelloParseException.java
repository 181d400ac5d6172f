package org.hn.node.wire.hello;

/**
 * A peer's hello string is not well formed ({@code spec/wire.md §5.1}). Checked, because it comes from the
 * network and the session must answer it (close, or {@code ko}).
 */
public final class HelloParseException extends Exception {

    /** What is wrong with the hello string. */
    public enum Reason {
        /** Not exactly {@link HelloString#LENGTH} characters. */
        WRONG_LENGTH,
        /** Contains a character outside printable ASCII (0x21–0x7e). */
        NOT_PRINTABLE_ASCII,
        /** Characters 10–14 are not five decimal digits. */
        PORT_NOT_DECIMAL,
        /** The five digits give a number above 65535. */
        PORT_OUT_OF_RANGE
    }

    private final Reason reason;

    /**
     * @param reason what is wrong
     * @param detail facts for the log; never the whole string, which is peer-controlled
     */
    public HelloParseException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** What is wrong with the hello string. */
    public Reason reason() {
        return reason;
    }
}
