package org.hn.chain.address;

/** An address that failed full validation; {@link #error()} says which check. */
public final class InvalidAddressException extends Exception {

    private final AddressError error;

    InvalidAddressException(AddressError error, String message) {
        super(message);
        this.error = error;
    }

    public AddressError error() {
        return error;
    }
}
