package org.hn.node.shell;

/** A line of {@code hn peer} input that is not a shell command; the message says what was expected. */
public final class ShellSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    public ShellSyntaxException(String message) {
        super(message);
    }
}
