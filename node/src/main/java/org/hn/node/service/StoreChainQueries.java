package org.hn.node.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.node.server.ChainQueries;

/**
 * The server's chain reads over the {@link ChainStore} ({@code spec/wire.md §4.7–§4.14}). A database failure
 * or a stored block whose tx count differs from its {@code msg_count} is an {@link IllegalStateException}: the
 * server then closes the connection, as the reference does.
 */
public final class StoreChainQueries implements ChainQueries {

    /** {@code getaddtxs} answers at most this many txs ({@code spec/wire.md §4.12}). */
    public static final int MAX_ADDRESS_TXS = 100;

    private final ChainStore store;
    private final int blockSyncCount;

    /**
     * @param blockSyncCount {@code BLOCK_SYNC_COUNT}: blocks per {@code blocksync} answer and headers of a
     *                       {@code getheaders} without count (20 by default), positive
     * @throws IllegalArgumentException if {@code blockSyncCount} is not positive
     */
    public StoreChainQueries(ChainStore store, int blockSyncCount) {
        if (blockSyncCount <= 0) {
            throw new IllegalArgumentException("BLOCK_SYNC_COUNT must be positive, got " + blockSyncCount);
        }
        this.store = store;
        this.blockSyncCount = blockSyncCount;
    }

    @Override
    public HeightStatus tip() {
        return ChainRead.unchecked(store::heightStatus);
    }

    @Override
    public Optional<HeightStatus> blockInfo(long height) {
        HeightStatus info = ChainRead.unchecked(() -> store.blockInfo(height));
        return info.blockHash().isEmpty() ? Optional.empty() : Optional.of(info);
    }

    @Override
    public List<PosBlock> blocksFrom(long firstHeight) {
        return complete(ChainRead.unchecked(() -> store.blocksFrom(firstHeight, blockSyncCount)));
    }

    @Override
    public List<PosBlock> roundBlocks(long round) {
        return complete(ChainRead.unchecked(() -> store.blocksOfRound(round)));
    }

    @Override
    public Optional<PosBlock> block(long height) {
        return ChainRead.unchecked(() -> store.block(height));
    }

    @Override
    public List<PosMessage> addressTxs(String address) {
        return ChainRead.unchecked(() -> store.addressMessages(address, MAX_ADDRESS_TXS));
    }

    @Override
    public List<PosMessage> addressTxsFrom(String address, long fromHeight) {
        return ChainRead.unchecked(() -> store.addressMessagesFrom(address, fromHeight, MAX_ADDRESS_TXS));
    }

    @Override
    public Optional<PosMessage> tx(byte[] txid) {
        return ChainRead.unchecked(() -> store.message(txid));
    }

    @Override
    public List<PosBlock> latestHeaders(int count) {
        long tip = ChainRead.unchecked(store::heightStatus).height();
        long first = Math.max(0, tip - count + 1);
        int available = (int) (tip - first + 1);
        List<PosBlock> newestFirst = new ArrayList<>(ChainRead.unchecked(() -> store.blocksFrom(first, available)));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public List<PosBlock> headersFrom(long startHeight, int count) {
        return ChainRead.unchecked(() -> store.blocksFrom(startHeight, count));
    }

    /** The reference aborts a block answer when a block's stored txs do not match its {@code msg_count}. */
    private static List<PosBlock> complete(List<PosBlock> blocks) {
        for (PosBlock block : blocks) {
            if (block.txs().size() != block.msgCount()) {
                throw new IllegalStateException("stored block " + block.height() + " has " + block.txs().size()
                        + " txs but msg_count " + block.msgCount());
            }
        }
        return blocks;
    }
}
