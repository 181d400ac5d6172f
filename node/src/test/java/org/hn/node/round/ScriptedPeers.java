package org.hn.node.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.registry.Hypernode;
import org.hn.registry.schedule.TestAssignment;

/** A peer network whose connections and reported heights a test sets, recording what the driver sends. */
final class ScriptedPeers implements PeerNetwork {

    int connected;
    final Map<String, HeightStatus> outbound = new LinkedHashMap<>();
    final List<PosBlock> pushed = new ArrayList<>();
    final List<List<Hypernode>> pushRecipients = new ArrayList<>();
    final List<TestAssignment> tests = new ArrayList<>();
    List<Hypernode> connectTo = List.of();

    @Override
    public int connectedCount() {
        return connected;
    }

    @Override
    public Map<String, HeightStatus> outboundHeights() {
        return outbound;
    }

    @Override
    public Map<String, HeightStatus> inboundHeights() {
        return Map.of();
    }

    @Override
    public void maintainConnections(List<Hypernode> peers) {
        connectTo = peers;
    }

    @Override
    public void pushBlock(PosBlock block, List<Hypernode> recipients) {
        pushed.add(block);
        pushRecipients.add(recipients);
    }

    @Override
    public CompletableFuture<Boolean> test(Hypernode testee, TestAssignment test, long nowSeconds) {
        tests.add(test);
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<List<PosBlock>> roundBlocks(String peerKey, long round) {
        return CompletableFuture.failedFuture(new IllegalStateException("no round sync expected"));
    }

    @Override
    public CompletableFuture<HeightStatus> blockInfo(String peerKey, long height) {
        return CompletableFuture.failedFuture(new IllegalStateException("no catch-up expected"));
    }

    @Override
    public CompletableFuture<List<PosBlock>> blockSync(String peerKey, long firstHeight) {
        return CompletableFuture.failedFuture(new IllegalStateException("no catch-up expected"));
    }
}
