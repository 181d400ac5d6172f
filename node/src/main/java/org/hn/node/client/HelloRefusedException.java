package org.hn.node.client;

/**
 * The peer answered our hello with {@code ko} (or anything but {@code hello}); the connection is given up
 * ({@code spec/wire.md §4.1}, §6.2 step 2).
 */
public final class HelloRefusedException extends Exception {

    private final String reason;

    /** @param reason the {@code ko} text, e.g. {@code Bad Posnet posnet0002}, or what was answered instead */
    public HelloRefusedException(String reason) {
        super("hello refused: " + reason);
        this.reason = reason;
    }

    /** The {@code ko} text or what was answered instead. */
    public String reason() {
        return reason;
    }
}
