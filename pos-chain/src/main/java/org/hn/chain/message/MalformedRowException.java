package org.hn.chain.message;

/** A JSON message row that is not the 10-element form of {@code spec/chain.md §4.5}. */
public final class MalformedRowException extends Exception {

    public MalformedRowException(String message) {
        super(message);
    }
}
