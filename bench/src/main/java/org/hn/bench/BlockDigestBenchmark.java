package org.hn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hn.chain.block.PosBlock;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Block digestion into SQLite: {@value #BLOCKS} blocks of 100 messages ({@link BenchChain}) appended to a fresh
 * chain database, already validated, in {@code blocksync}-sized batches of {@value ChainServer#BLOCK_SYNC_COUNT}
 * ({@link ChainStore#appendAll}, one transaction each) as catch-up stores them, or one block per transaction
 * ({@link ChainStore#append}) as live blocks arrive. The score is the time per block; the database, its WAL
 * and the reader pool are created before each measured call and not counted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlockDigestBenchmark {

    static final int BLOCKS = 1000;
    static final int TXS_PER_BLOCK = 100;

    private List<PosBlock> blocks;
    private Path directory;
    private ChainStore store;

    @Setup(Level.Trial)
    public void loadChain() throws StoreException {
        blocks = BenchChain.blocks(BLOCKS, TXS_PER_BLOCK);
    }

    @Setup(Level.Invocation)
    public void openEmptyStore() throws IOException, StoreException {
        directory = ScratchDirectory.create("hn-bench-digest");
        store = ChainStore.open(directory.resolve("chain.db"));
    }

    @TearDown(Level.Invocation)
    public void deleteStore() throws IOException {
        store.close();
        ScratchDirectory.delete(directory);
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public ChainStore appendInBatches() throws StoreException {
        for (int first = 0; first < BLOCKS; first += ChainServer.BLOCK_SYNC_COUNT) {
            store.appendAll(blocks.subList(first, Math.min(BLOCKS, first + ChainServer.BLOCK_SYNC_COUNT)));
        }
        return store;
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public ChainStore appendOneByOne() throws StoreException {
        for (PosBlock block : blocks) {
            store.append(block);
        }
        return store;
    }
}
