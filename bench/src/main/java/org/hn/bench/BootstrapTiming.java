package org.hn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.hn.bootstrap.archive.ArchiveLimits;
import org.hn.bootstrap.create.SnapshotCreator;
import org.hn.bootstrap.download.DownloadProgress;
import org.hn.bootstrap.install.SnapshotImport;
import org.hn.bootstrap.install.SnapshotInstaller;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.bootstrap.verify.SnapshotVerifier;
import org.hn.bootstrap.verify.VerifiedSnapshot;
import org.hn.chain.address.Address;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.config.Network;

/**
 * Times {@code hn bootstrap create}, {@code verify} and {@code import} on a mainnet-format chain of N blocks
 * (default 100,000), each with 4 messages of 2 senders, 18 blocks per round: a plain timed main rather than JMH,
 * since one run of each operation takes seconds to minutes.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.hn.bench.BootstrapTiming [BLOCKS] [DIR]}; the chain
 * is built once in DIR (default: a new temporary folder) and reused by later runs with the same DIR.
 */
public final class BootstrapTiming {

    private static final int BLOCKS_PER_ROUND = 18;
    private static final int APPEND_BATCH = 1000;

    private BootstrapTiming() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path folder = args.length > 1 ? Files.createDirectories(Path.of(args[1]))
                : Files.createTempDirectory("hn-bootstrap-bench");
        Path chain = folder.resolve("chain-" + blocks + ".db");
        long lastRound = 1 + (blocks - 1) / BLOCKS_PER_ROUND;
        // judged two rounds after the last block, so the default cut R − 2 takes the whole chain
        Clock clock = Clock.fixed(Instant.ofEpochSecond(Genesis.TIMESTAMP + (lastRound + 2) * 3600 + 60),
                ZoneOffset.UTC);
        if (!Files.exists(chain)) {
            long started = System.nanoTime();
            build(chain, blocks);
            report("build the chain (not part of the figures)", started);
        }
        PrivateKey key = BenchKey.create();
        Path archive = folder.resolve("snapshot.tar.gz");
        long started = System.nanoTime();
        SnapshotManifest manifest = new SnapshotCreator(Network.MAINNET, key, clock).create(chain, lastRound, archive);
        report("create", started);
        System.out.printf(Locale.ROOT, "  height %d, database %d bytes, archive %d bytes%n", manifest.height(),
                manifest.files().get(0).size(), Files.size(archive));

        SnapshotVerifier verifier = new SnapshotVerifier(ArchiveLimits.DEFAULTS, Set.of(), clock);
        started = System.nanoTime();
        try (VerifiedSnapshot verified = verifier.verify(archive, folder)) {
            report("verify", started);
        }

        Path data = folder.resolve("import-target");
        deleteTree(data);
        started = System.nanoTime();
        new SnapshotImport(Network.MAINNET, verifier, new SnapshotInstaller(clock), null)
                .run(archive.toString(), data.resolve("chain.db"), false, DownloadProgress.SILENT, step -> { });
        report("import (verify + install)", started);
        deleteTree(data);
    }

    private static void build(Path chain, int blocks) throws Exception {
        PrivateKey forger = BenchKey.create("hn-bench-forger");
        PrivateKey[] senders = {BenchKey.create("hn-bench-sender-0"), BenchKey.create("hn-bench-sender-1")};
        String recipient = Address.fromPublicKey(forger.publicKey(), BenchKey.MAINNET);
        try (ChainStore store = ChainStore.open(chain)) {
            PosBlock previous = store.tip();
            List<PosBlock> batch = new ArrayList<>();
            for (int height = 1; height <= blocks; height++) {
                long round = 1 + (height - 1) / BLOCKS_PER_ROUND;
                int slot = (height - 1) % BLOCKS_PER_ROUND;
                long timestamp = Genesis.TIMESTAMP + round * 3600 + slot * 180L;
                List<PosMessage> txs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    txs.add(PosMessage.sign(senders[i % 2], BenchKey.MAINNET, timestamp - 10 + i, recipient, 0,
                            "", height));
                }
                previous = PosBlock.forge(forger, BenchKey.MAINNET, height, round, slot, timestamp,
                        previous.blockHash(), txs);
                batch.add(previous);
                if (batch.size() == APPEND_BATCH) {
                    store.appendAll(batch);
                    batch.clear();
                }
            }
            store.appendAll(batch);
        }
    }

    private static void report(String what, long startedNanos) {
        System.out.printf(Locale.ROOT, "%-45s %8.2f s%n", what, (System.nanoTime() - startedNanos) / 1e9);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
