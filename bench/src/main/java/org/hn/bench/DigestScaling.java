package org.hn.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hn.chain.block.PosBlock;
import org.hn.chain.store.ChainStore;

/**
 * How the cost of storing grows with the chain: appends the blocks of a {@link BenchChain} to an empty chain
 * database in {@code blocksync}-sized batches ({@link ChainStore#appendAll}, as catch-up stores them) and prints,
 * for every slice of blocks, the wall time and the appending thread's CPU time per message (SQLite runs in that
 * thread), and the whole machine's busy CPU time per message (from {@code /proc/stat}, so the kernel's writeback
 * counts too, less the appending thread's CPU time spent reading the source chain between appends).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.hn.bench.DigestScaling BLOCKS SLICE [PER_TRANSACTION]}
 * (for example 20000 4000 200): blocks appended per transaction default to one {@code blocksync} answer (20);
 * SLICE must be a multiple of them.
 */
public final class DigestScaling {

    private DigestScaling() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: DigestScaling BLOCKS SLICE [PER_TRANSACTION]");
            System.exit(2);
        }
        int blocks = Integer.parseInt(args[0]);
        int slice = Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path directory = ScratchDirectory.create("hn-bench-scaling");
        try (ChainStore source = ChainStore.openExisting(BenchChain.database(blocks, CatchUpBenchmark.TXS_PER_BLOCK));
             ChainStore target = ChainStore.open(directory.resolve("chain.db"))) {
            long sliceWall = 0;
            long sliceCpu = 0;
            long sliceMessages = 0;
            long machineBefore = MachineCpu.busyNanos();
            long threadBefore = threads.getCurrentThreadCpuTime();
            int per = args.length > 2 ? Integer.parseInt(args[2]) : ChainServer.BLOCK_SYNC_COUNT;
            for (int first = 1; first <= blocks; first += per) {
                List<PosBlock> batch = source.blocksFrom(first, per);
                long wall = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                target.appendAll(batch);
                sliceCpu += threads.getCurrentThreadCpuTime() - cpu;
                sliceWall += System.nanoTime() - wall;
                sliceMessages += batch.stream().mapToLong(block -> block.txs().size()).sum();
                int last = first + batch.size() - 1;
                if (last % slice == 0 || last == blocks) {
                    long reading = threads.getCurrentThreadCpuTime() - threadBefore - sliceCpu;
                    long machine = MachineCpu.busyNanos() - reading;
                    System.out.printf(Locale.ROOT,
                            "blocks %6d..%6d: wall %5.1f µs, thread CPU %5.1f µs, machine CPU %5.1f µs"
                                    + " per message%n",
                            last - slice + 1, last, sliceWall / 1e3 / sliceMessages, sliceCpu / 1e3 / sliceMessages,
                            (machine - machineBefore) / 1e3 / sliceMessages);
                    sliceWall = 0;
                    sliceCpu = 0;
                    sliceMessages = 0;
                    machineBefore = MachineCpu.busyNanos();
                    threadBefore = threads.getCurrentThreadCpuTime();
                }
            }
        } finally {
            ScratchDirectory.delete(directory);
        }
    }
}
