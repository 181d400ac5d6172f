package org.hn.chain.validation;

/**
 * A block that failed validation; {@link #rejection()} names the check and the message gives the details.
 * Thrown for peer input, so it carries no stack trace.
 */
public final class InvalidBlockException extends Exception {

    private final BlockRejection rejection;

    public InvalidBlockException(BlockRejection rejection, String detail) {
        super(rejection.description() + ": " + detail, null, false, false);
        this.rejection = rejection;
    }

    public BlockRejection rejection() {
        return rejection;
    }
}
