package org.hn.node.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hn.node.peers.PeerKey;

/**
 * Which peers refused our authenticated hello with {@code ko "Bad Posnet posnet0005"} ({@code docs/protocol.md
 * §3.4}): they are greeted with the legacy hello straight away from then on. In memory only, like
 * {@link FramingMemory}; a restart tries {@code posnet0005} again. Keys are the peer's IP and listening port.
 * Thread-safe.
 */
public final class PosnetMemory {

    private final Set<PeerKey> legacyOnly = ConcurrentHashMap.newKeySet();

    /** Whether the peer refused the authenticated hello before. */
    public boolean isLegacyOnly(PeerKey peer) {
        return legacyOnly.contains(peer);
    }

    /** Records that the peer refused the authenticated hello. */
    public void rememberLegacyOnly(PeerKey peer) {
        legacyOnly.add(peer);
    }
}
