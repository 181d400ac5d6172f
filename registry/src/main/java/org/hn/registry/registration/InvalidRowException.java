package org.hn.registry.registration;

/** A row breaks a rule; carries the reason up to the fold, which records it. */
final class InvalidRowException extends Exception {

    private static final long serialVersionUID = 1L;

    private final InvalidReason reason;

    InvalidRowException(InvalidReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    InvalidReason reason() {
        return reason;
    }
}
