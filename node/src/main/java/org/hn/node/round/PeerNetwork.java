package org.hn.node.round;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.registry.Hypernode;
import org.hn.registry.schedule.TestAssignment;

/**
 * What the round driver asks of the peer network ({@code spec/wire.md §6}). Futures complete exceptionally on
 * a timeout, a refused connection or a breach; they never block the caller.
 */
public interface PeerNetwork {

    /** Live connections: inbound plus outbound ones whose key is not also inbound ({@code spec/wire.md §6.1}). */
    int connectedCount();

    /** The last height each outbound peer reported, by peer key, in connection order. */
    Map<String, HeightStatus> outboundHeights();

    /** The last height each inbound peer reported, by peer key. */
    Map<String, HeightStatus> inboundHeights();

    /** Opens workers for the round's {@code connect_to} peers that have none, closes those no longer in it. */
    void maintainConnections(List<Hypernode> connectTo);

    /** Pushes a forged block to each recipient on a dedicated connection, no answer read ({@code §6.7}). */
    void pushBlock(PosBlock block, List<Hypernode> recipients);

    /**
     * Runs one test against a testee ({@code §6.8}).
     *
     * @return whether the testee echoed the request in time
     */
    CompletableFuture<Boolean> test(Hypernode testee, TestAssignment test, long nowSeconds);

    /** Every block of a round from one peer, on a one-shot connection ({@code §6.10}). */
    CompletableFuture<List<PosBlock>> roundBlocks(String peerKey, long round);

    /** A peer's view of one of its blocks ({@code §4.8}): all zero and an empty hash when it has none. */
    CompletableFuture<HeightStatus> blockInfo(String peerKey, long height);

    /** Up to {@code BLOCK_SYNC_COUNT} of a peer's blocks from a height on ({@code §4.9}). */
    CompletableFuture<List<PosBlock>> blockSync(String peerKey, long firstHeight);
}
