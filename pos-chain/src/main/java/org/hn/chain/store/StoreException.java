package org.hn.chain.store;

/**
 * The chain database could not do what was asked: the file cannot be opened or migrated, SQLite failed, or a
 * stored row is unreadable. Subclasses name the cases a caller reacts to differently.
 */
public class StoreException extends Exception {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
