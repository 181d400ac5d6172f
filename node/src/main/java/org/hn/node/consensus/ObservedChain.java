package org.hn.node.consensus;

import java.util.List;
import org.hn.chain.height.HeightStatus;

/**
 * One chain seen among peers: the height status its first peer reported, and every peer on it
 * ({@code spec/chain.md §10.1} step 2.2).
 *
 * @param status the chain's height status
 * @param peers  the keys of the peers reporting it, outbound ones first
 */
public record ObservedChain(HeightStatus status, List<String> peers) {

    public ObservedChain {
        peers = List.copyOf(peers);
    }

    /** How many peers report this chain. */
    public int count() {
        return peers.size();
    }
}
