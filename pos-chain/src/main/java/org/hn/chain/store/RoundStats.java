package org.hn.chain.store;

import java.util.Objects;

/**
 * What this node saw during one round, for operators and for judging peers afterwards
 * ({@code DESIGN.md §6}). Not consensus data.
 *
 * @param round            the round number
 * @param bytesSent        bytes written to peers during the round
 * @param bytesReceived    bytes read from peers during the round
 * @param messagesSent     protocol messages written to peers
 * @param messagesReceived protocol messages read from peers
 * @param uptimeSeconds    seconds the process had been running at the end of the round
 * @param restarts         process starts counted so far
 * @param peerHeights      JSON text: the peers and the heights they reported (shape chosen by the node)
 * @param latePeers        JSON text: the peers that were late and on what
 */
public record RoundStats(
        long round,
        long bytesSent,
        long bytesReceived,
        long messagesSent,
        long messagesReceived,
        long uptimeSeconds,
        long restarts,
        String peerHeights,
        String latePeers) {

    public RoundStats {
        Objects.requireNonNull(peerHeights, "peerHeights");
        Objects.requireNonNull(latePeers, "latePeers");
    }
}
