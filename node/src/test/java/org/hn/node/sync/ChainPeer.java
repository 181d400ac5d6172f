package org.hn.node.sync;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.node.round.PeerNetwork;
import org.hn.registry.Hypernode;
import org.hn.registry.schedule.TestAssignment;

/** A peer network with one peer whose answers come from a real chain database, as its server would give them. */
final class ChainPeer implements PeerNetwork {

    private final ChainStore theirs;
    private final int blockSyncCount;
    private final Runnable beforeEachAnswer;
    private volatile long failBlockSyncFrom = Long.MAX_VALUE;

    ChainPeer(ChainStore theirs, int blockSyncCount) {
        this(theirs, blockSyncCount, () -> { });
    }

    /** @param beforeEachAnswer run before each request is answered, e.g. to report progress */
    ChainPeer(ChainStore theirs, int blockSyncCount, Runnable beforeEachAnswer) {
        this.theirs = theirs;
        this.blockSyncCount = blockSyncCount;
        this.beforeEachAnswer = beforeEachAnswer;
    }

    @Override
    public CompletableFuture<HeightStatus> blockInfo(String peerKey, long height) {
        return answer(() -> theirs.blockInfo(height));
    }

    /** Makes every later {@code blocksync} from {@code height} up fail, as a peer that went away. */
    void failBlockSyncFrom(long height) {
        failBlockSyncFrom = height;
    }

    @Override
    public CompletableFuture<List<PosBlock>> blockSync(String peerKey, long firstHeight) {
        if (firstHeight >= failBlockSyncFrom) {
            return CompletableFuture.failedFuture(new IOException("connection reset"));
        }
        return answer(() -> theirs.blocksFrom(firstHeight, blockSyncCount));
    }

    @Override
    public CompletableFuture<List<PosBlock>> roundBlocks(String peerKey, long round) {
        return answer(() -> theirs.blocksOfRound(round));
    }

    private interface Query<T> {
        T run() throws StoreException;
    }

    private <T> CompletableFuture<T> answer(Query<T> query) {
        beforeEachAnswer.run();
        try {
            return CompletableFuture.completedFuture(query.run());
        } catch (StoreException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public int connectedCount() {
        return 1;
    }

    @Override
    public Map<String, HeightStatus> outboundHeights() {
        return Map.of();
    }

    @Override
    public Map<String, HeightStatus> inboundHeights() {
        return Map.of();
    }

    @Override
    public void maintainConnections(List<Hypernode> connectTo) {
        throw new UnsupportedOperationException("not used by syncs");
    }

    @Override
    public void pushBlock(PosBlock block, List<Hypernode> recipients) {
        throw new UnsupportedOperationException("not used by syncs");
    }

    @Override
    public CompletableFuture<Boolean> test(Hypernode testee, TestAssignment test, long nowSeconds) {
        throw new UnsupportedOperationException("not used by syncs");
    }
}
