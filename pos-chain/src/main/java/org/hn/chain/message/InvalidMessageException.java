package org.hn.chain.message;

/**
 * A message that failed a check; {@link #rejection()} names the check. Thrown for peer input on hot paths,
 * so it carries no stack trace.
 */
public final class InvalidMessageException extends Exception {

    private final MessageRejection rejection;

    public InvalidMessageException(MessageRejection rejection) {
        this(rejection, rejection.description());
    }

    public InvalidMessageException(MessageRejection rejection, String detail) {
        super(detail, null, false, false);
        this.rejection = rejection;
    }

    public MessageRejection rejection() {
        return rejection;
    }
}
