package org.hn.node.client;

import java.io.IOException;

/**
 * The peer closed the connection before answering: the reference's generic error ({@code spec/wire.md §8}),
 * which is also how a reference node reacts to a v2 frame.
 */
public final class PeerClosedException extends IOException {

    /** @param detail what was awaited */
    public PeerClosedException(String detail) {
        super(detail);
    }
}
