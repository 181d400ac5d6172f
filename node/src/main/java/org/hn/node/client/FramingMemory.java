package org.hn.node.client;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hn.node.peers.PeerKey;
import org.hn.node.wire.frame.FrameFormat;

/**
 * Which framing each peer answered in ({@code DESIGN.md §4}): a peer that dropped our v2 hello but answered
 * the legacy one is spoken to in legacy framing from then on, without a v2 attempt. In memory only; a
 * restart tries v2 again. Keys are the peer's IP and its real listening port. Thread-safe.
 */
public final class FramingMemory {

    private final Map<PeerKey, FrameFormat> framings = new ConcurrentHashMap<>();

    /** The framing the peer last answered in, if any. */
    public Optional<FrameFormat> recall(PeerKey peer) {
        return Optional.ofNullable(framings.get(peer));
    }

    /** Records the framing the peer answered in. */
    public void remember(PeerKey peer, FrameFormat framing) {
        framings.put(peer, framing);
    }
}
