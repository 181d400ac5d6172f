package org.hn.node.server;

import java.util.List;
import java.util.Optional;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.message.PosMessage;

/**
 * Chain reads the server answers peers and tools with ({@code spec/wire.md §4.7–§4.14}). Implemented by the
 * chain store. Methods may block (database); the server calls them off the event loop, one request of a
 * connection at a time. A method that fails throws a {@link RuntimeException}: the connection is closed,
 * with a {@code ko} first for client-only commands ({@code spec/wire.md §8}).
 */
public interface ChainQueries {

    /** This node's tip and chain metrics, answered to {@code height} ({@code spec/chain.md §9.1}). */
    HeightStatus tip();

    /**
     * {@code blockinfo} ({@code spec/wire.md §4.8}): the block at a height with {@code uniques}/{@code forgers}
     * as of the start of its round and {@code uniques_round = forgers_round = 0}.
     *
     * @param height ≥ 0
     * @return empty if no block has that height
     */
    Optional<HeightStatus> blockInfo(long height);

    /**
     * {@code blocksync} ({@code spec/wire.md §4.9}): stored blocks with height ≥ {@code firstHeight},
     * ascending, at most {@code BLOCK_SYNC_COUNT} (20, rainbow-tunable), each with all its txs.
     *
     * @param firstHeight ≥ 0
     * @throws RuntimeException when a stored block's tx count differs from its {@code msg_count}
     */
    List<PosBlock> blocksFrom(long firstHeight);

    /** {@code roundblocks} ({@code spec/wire.md §4.10}): every block of a round (≥ 0), ascending, with txs. */
    List<PosBlock> roundBlocks(long round);

    /** {@code getblock} ({@code spec/wire.md §4.11}): the full block at a height (≥ 0), if any. */
    Optional<PosBlock> block(long height);

    /**
     * {@code getaddtxs} without extra ({@code spec/wire.md §4.12}): txs sent or received by an address,
     * by {@code block_height} ascending then timestamp descending, at most 100 (the reference's order).
     *
     * @param address a valid PoS address
     */
    List<PosMessage> addressTxs(String address);

    /**
     * {@code getaddtxs} with a height or an anchoring txid ({@code spec/wire.md §4.12}): txs of the address
     * with {@code block_height ≥ fromHeight}, by height then timestamp ascending, at most 100.
     */
    List<PosMessage> addressTxsFrom(String address, long fromHeight);

    /** {@code gettx} ({@code spec/wire.md §4.13}): the stored tx with this txid (raw signature bytes), if any. */
    Optional<PosMessage> tx(byte[] txid);

    /**
     * {@code getheaders} with {@code ""} or {@code ,N} ({@code spec/wire.md §4.14}): the latest
     * {@code count} blocks, newest first. Their txs are not sent, so they may be left out.
     *
     * @param count ≥ 0, already capped by the server
     */
    List<PosBlock> latestHeaders(int count);

    /** {@code getheaders} with {@code S,N}: {@code count} blocks from height {@code startHeight}, ascending. */
    List<PosBlock> headersFrom(long startHeight, int count);
}
