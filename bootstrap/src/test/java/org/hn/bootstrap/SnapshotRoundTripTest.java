package org.hn.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.hn.bootstrap.archive.ArchiveLimits;
import org.hn.bootstrap.create.SnapshotCreator;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.bootstrap.verify.SnapshotVerifier;
import org.hn.bootstrap.verify.VerifiedSnapshot;
import org.hn.chain.block.PosBlock;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.RoundStats;
import org.hn.chain.testing.TestChain;
import org.hn.config.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating a snapshot and verifying it: the cut, the manifest, and a copy taken while a writer appends. */
class SnapshotRoundTripTest {

    @TempDir
    Path folder;

    private final SnapshotCreator creator = new SnapshotCreator(Network.MAINNET, TestChain.key(0), SnapshotFixture.CLOCK);
    private final SnapshotVerifier verifier = new SnapshotVerifier(ArchiveLimits.DEFAULTS,
            Set.of(TestChain.address(0)), SnapshotFixture.CLOCK);

    @Test
    void theDefaultCutIsTheEndOfRoundRMinusTwo() {
        long start = Network.MAINNET.roundStart(70_000);
        assertEquals(69_998, SnapshotCreator.cutRoundAt(Network.MAINNET, start));
        assertEquals(69_998, SnapshotCreator.cutRoundAt(Network.MAINNET, start + 3599));
        assertEquals(69_999, SnapshotCreator.cutRoundAt(Network.MAINNET, start + 3600));
    }

    @Test
    void aSnapshotHoldsTheChainUpToTheCutRoundAndVerifies() throws Exception {
        Path chain = folder.resolve("chain.db");
        List<PosBlock> blocks;
        try (ChainStore store = ChainStore.open(chain)) {
            blocks = SnapshotFixture.grow(store, 1, 5, 3);
            store.countProcessStart();
            store.saveRoundStats(new RoundStats(2, 10, 20, 1, 2, 3600, 1, "{}", "{}"));
        }
        Path archive = folder.resolve("snapshot.tar.gz");
        SnapshotManifest manifest = creator.create(chain, 3, archive);

        // rounds 1–3 hold heights 1–9
        assertEquals(3, manifest.round());
        assertEquals(9, manifest.height());
        assertEquals(blocks.get(8).blockHashHex(), manifest.tipHash());
        assertEquals(TestChain.address(0), manifest.signer());
        assertEquals(SnapshotFixture.CLOCK.millis() / 1000, manifest.createdSeconds());

        try (VerifiedSnapshot verified = verifier.verify(archive, folder)) {
            assertEquals(manifest, verified.manifest());
            try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + verified.chainFile());
                 Statement statement = copy.createStatement()) {
                assertEquals(9, single(statement, "SELECT MAX(height) FROM pos_chain"));
                assertEquals(36, single(statement, "SELECT COUNT(*) FROM pos_messages"));
                assertEquals(0, single(statement, "SELECT COUNT(*) FROM round_stats"), "node-local stats dropped");
                assertEquals(0, single(statement, "SELECT COUNT(*) FROM node_meta"), "node-local counters dropped");
            }
        }
    }

    @Test
    void aSnapshotTakenWhileAWriterAppendsVerifies() throws Exception {
        Path chain = folder.resolve("chain.db");
        try (ChainStore store = ChainStore.open(chain)) {
            SnapshotFixture.grow(store, 1, 2, 5);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Exception> writerFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                long round = 3;
                try {
                    while (!stop.get()) {
                        SnapshotFixture.grow(store, round, round, 18);
                        round++;
                    }
                } catch (Exception e) {
                    writerFailure.set(e);
                }
            }, "live-writer");
            writer.start();
            List<Long> heights = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    long before = store.tip().height();
                    Path archive = folder.resolve("live-" + i + ".tar.gz");
                    SnapshotManifest manifest = creator.create(chain, Long.MAX_VALUE / 2, archive);
                    assertTrue(manifest.height() >= before, manifest.height() + " < " + before);
                    try (VerifiedSnapshot verified = verifier.verify(archive, folder)) {
                        assertEquals(manifest.height(), verified.manifest().height());
                    }
                    heights.add(manifest.height());
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertEquals(null, writerFailure.get());
            assertTrue(heights.get(2) > heights.get(0), "the writer appended during the snapshots: " + heights);
        }
    }

    private static long single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
