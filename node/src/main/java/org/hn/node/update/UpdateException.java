package org.hn.node.update;

/** An update step refused or failed; the message says which and why, and nothing was switched. */
public final class UpdateException extends Exception {

    public UpdateException(String message) {
        super(message);
    }

    public UpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
