package org.hn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hn.chain.address.Address;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.message.InvalidMessageException;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.config.Network;

/**
 * A valid mainnet-format chain for the digestion and catch-up benchmarks, generated once and kept as a chain
 * database under {@code bench/target/} (the system property {@code hn.bench.dir} names another directory), so
 * that only the first run pays for signing: {@code blocks} blocks above the mainnet genesis, each with
 * {@code txsPerBlock} messages from {@value #SENDERS} senders (as many distinct keys as a round's busiest
 * blocks carry), forged by one key, 19 blocks per round from mainnet round {@value #FIRST_ROUND} on.
 */
final class BenchChain {

    static final int SENDERS = 10;
    static final long FIRST_ROUND = 47_000;
    private static final int FORGING_SLOTS = 19;
    private static final int BLOCKS_PER_WRITE = 100;

    private BenchChain() {
    }

    /** The chain database holding the chain, generated if it is not there yet. */
    static Path database(int blocks, int txsPerBlock) throws StoreException {
        Path directory = Path.of(System.getProperty("hn.bench.dir", "bench/target"));
        Path file = directory.resolve("bench-chain-" + blocks + "x" + txsPerBlock + ".db");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path partial = directory.resolve("bench-chain-" + blocks + "x" + txsPerBlock + ".partial.db");
        try {
            Files.createDirectories(directory);
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(partial + suffix));
            }
            try (ChainStore store = ChainStore.open(partial)) {
                generate(store, blocks, txsPerBlock);
            }
            Files.move(partial, file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the benchmark chain " + file, e);
        }
        return file;
    }

    /** All blocks of the chain above the genesis, in order. */
    static List<PosBlock> blocks(int blocks, int txsPerBlock) throws StoreException {
        return firstBlocks(blocks, txsPerBlock, blocks);
    }

    /** The first {@code count} blocks above the genesis of the chain of {@code blocks} blocks, in order. */
    static List<PosBlock> firstBlocks(int blocks, int txsPerBlock, int count) throws StoreException {
        try (ChainStore store = ChainStore.openExisting(database(blocks, txsPerBlock))) {
            List<PosBlock> first = new ArrayList<>(count);
            while (first.size() < count) {
                first.addAll(store.blocksFrom(first.size() + 1, Math.min(BLOCKS_PER_WRITE, count - first.size())));
            }
            return first;
        }
    }

    private static void generate(ChainStore store, int blocks, int txsPerBlock) throws StoreException {
        PrivateKey forger = BenchKey.create("hn-bench-forger");
        PrivateKey[] senders = new PrivateKey[SENDERS];
        for (int i = 0; i < SENDERS; i++) {
            senders[i] = BenchKey.create("hn-bench-sender-" + i);
        }
        String recipient = Address.fromPublicKey(forger.publicKey(), BenchKey.MAINNET);
        PosBlock previous = store.tip();
        List<PosBlock> pending = new ArrayList<>(BLOCKS_PER_WRITE);
        for (long height = 1; height <= blocks; height++) {
            long round = FIRST_ROUND + (height - 1) / FORGING_SLOTS;
            int sir = (int) ((height - 1) % FORGING_SLOTS);
            long timestamp = Network.MAINNET.roundStart(round) + sir * 6L;
            long blockHeight = height;
            List<PosMessage> txs = IntStream.range(0, txsPerBlock).parallel()
                    .mapToObj(i -> sign(senders[i % SENDERS], timestamp - 1, recipient, blockHeight, i))
                    .toList();
            previous = PosBlock.forge(forger, BenchKey.MAINNET, height, round, sir, timestamp, previous.blockHash(),
                    txs);
            pending.add(previous);
            if (pending.size() == BLOCKS_PER_WRITE || height == blocks) {
                store.appendAll(pending);
                pending.clear();
            }
        }
    }

    private static PosMessage sign(PrivateKey sender, long timestamp, String recipient, long height, int index) {
        try {
            return PosMessage.sign(sender, BenchKey.MAINNET, timestamp, recipient, 202, "BENCH:" + height + ":" + index,
                    index);
        } catch (InvalidMessageException e) {
            throw new IllegalStateException(e);
        }
    }
}
