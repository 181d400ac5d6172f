package org.hn.node.daemon;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.node.round.PeerNetwork;
import org.hn.registry.Hypernode;
import org.hn.registry.schedule.TestAssignment;

/**
 * A node's peer network behind an in-process firewall: while the network is split, the node keeps no connection
 * to, pushes no block to and tests none of the hypernodes outside its side. Every node of a split devnet sits
 * behind one, so no connection crosses the split in either direction; lifting the split lets them connect again.
 */
final class SplitPeers implements PeerNetwork {

    private final PeerNetwork network;
    private final Supplier<Set<String>> unreachableIps;

    /** @param unreachableIps the IPs this node cannot reach now (empty when the network is whole) */
    SplitPeers(PeerNetwork network, Supplier<Set<String>> unreachableIps) {
        this.network = network;
        this.unreachableIps = unreachableIps;
    }

    private List<Hypernode> reachable(List<Hypernode> hypernodes) {
        Set<String> unreachable = unreachableIps.get();
        return hypernodes.stream().filter(hypernode -> !unreachable.contains(hypernode.ip())).toList();
    }

    @Override
    public void maintainConnections(List<Hypernode> connectTo) {
        network.maintainConnections(reachable(connectTo));
    }

    @Override
    public void pushBlock(PosBlock block, List<Hypernode> recipients) {
        network.pushBlock(block, reachable(recipients));
    }

    @Override
    public CompletableFuture<Boolean> test(Hypernode testee, TestAssignment test, long nowSeconds) {
        if (unreachableIps.get().contains(testee.ip())) {
            return CompletableFuture.failedFuture(new ConnectException(testee.ip() + " is across the split"));
        }
        return network.test(testee, test, nowSeconds);
    }

    @Override
    public int connectedCount() {
        return network.connectedCount();
    }

    @Override
    public Map<String, HeightStatus> outboundHeights() {
        return network.outboundHeights();
    }

    @Override
    public Map<String, HeightStatus> inboundHeights() {
        return network.inboundHeights();
    }

    @Override
    public CompletableFuture<List<PosBlock>> roundBlocks(String peerKey, long round) {
        return network.roundBlocks(peerKey, round);
    }

    @Override
    public CompletableFuture<HeightStatus> blockInfo(String peerKey, long height) {
        return network.blockInfo(peerKey, height);
    }

    @Override
    public CompletableFuture<List<PosBlock>> blockSync(String peerKey, long firstHeight) {
        return network.blockSync(peerKey, firstHeight);
    }
}
