package org.hn.node.auth;

/** The node's token secret file cannot be created or used; the message names the file and the problem. */
public final class NodeSecretException extends Exception {

    public NodeSecretException(String message) {
        super(message);
    }

    public NodeSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
