package org.hn.node.cli;

/**
 * A messages file that cannot be verified as a whole: unreadable, not a JSON array, or invalid JSON. The
 * message is one line naming the file and, for JSON errors, the line and column.
 */
final class MessageFileException extends Exception {

    MessageFileException(String message) {
        super(message);
    }
}
