package org.hn.node.service;

import org.hn.chain.store.StoreException;

/** A chain database read whose failure the services report as an {@link IllegalStateException}. */
@FunctionalInterface
interface ChainRead<T> {

    T run() throws StoreException;

    /** Runs a read; a {@link StoreException} becomes an {@link IllegalStateException} naming it. */
    static <T> T unchecked(ChainRead<T> read) {
        try {
            return read.run();
        } catch (StoreException e) {
            throw new IllegalStateException("reading the chain failed: " + e.getMessage(), e);
        }
    }
}
