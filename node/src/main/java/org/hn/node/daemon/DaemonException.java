package org.hn.node.daemon;

/** The daemon could not start; the message says what to fix. */
public final class DaemonException extends Exception {

    public DaemonException(String message, Throwable cause) {
        super(message, cause);
    }

    public DaemonException(String message) {
        super(message);
    }
}
