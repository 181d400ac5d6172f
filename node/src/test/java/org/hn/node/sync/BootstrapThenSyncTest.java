package org.hn.node.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.hn.bootstrap.ArchiveServer;
import org.hn.bootstrap.SnapshotFixture;
import org.hn.bootstrap.archive.ArchiveLimits;
import org.hn.bootstrap.create.SnapshotCreator;
import org.hn.bootstrap.download.SnapshotDownload;
import org.hn.bootstrap.install.SnapshotImport;
import org.hn.bootstrap.install.SnapshotInstaller;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.bootstrap.verify.SnapshotVerifier;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.hn.config.Network;
import org.hn.node.bootstrap.StartupBootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose chain is empty bootstraps from the configured URLs (a loopback HTTP server, ports 18310–18319), then
 * catches up with its peer's tip; with no usable URL it starts from genesis and catches up all the same.
 */
class BootstrapThenSyncTest {

    private static final String PEER = "127.0.0.2:06969";
    private static final long NOW = SnapshotFixture.CLOCK.millis() / 1000;

    @TempDir
    Path folder;

    private final SnapshotDownload download = new SnapshotDownload(
            SnapshotDownload.defaultClient(Duration.ofSeconds(5)), Duration.ofSeconds(10), 1 << 30);

    private StartupBootstrap startup() {
        return new StartupBootstrap(new SnapshotImport(Network.MAINNET, new SnapshotVerifier(ArchiveLimits.DEFAULTS,
                Set.of(TestChain.address(0)), SnapshotFixture.CLOCK), new SnapshotInstaller(SnapshotFixture.CLOCK),
                download), new Random(7));
    }

    private static SyncOutcome catchUp(ChainStore ours, ChainStore theirs) throws Exception {
        Mempool mempool = new Mempool(TestChain.MAINNET, txid -> false, MempoolLimits.DEFAULTS, new SplittableRandom(3));
        BlockValidator validator = new BlockValidator(TestChain.MAINNET, (round, slot) -> Optional.empty(),
                HistoricalExemptions.NONE, new BlockBans(BlockBans.DEFAULT_TTL_SECONDS),
                BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
        return new CatchUp(ours, mempool, validator, new ChainPeer(theirs, 20), 40, Duration.ofSeconds(5))
                .run(PEER, theirs.heightStatus(), NOW);
    }

    @Test
    void anEmptyNodeBootstrapsThenSyncsToThePeersTip() throws Exception {
        Path theirFile = folder.resolve("theirs.db");
        try (ChainStore theirs = ChainStore.open(theirFile)) {
            SnapshotFixture.grow(theirs, 1, 5, 3);
            Path archive = folder.resolve("published.tar.gz");
            new SnapshotCreator(Network.MAINNET, TestChain.key(0), SnapshotFixture.CLOCK).create(theirFile, 3, archive);
            Path ourChain = folder.resolve("data/chain.db");
            try (ArchiveServer server = new ArchiveServer(18310, Files.readAllBytes(archive), true, -1)) {
                Optional<SnapshotManifest> installed = startup().run(ourChain,
                        List.of("http://127.0.0.1:18311/unreachable.tar.gz", server.url()));
                assertTrue(installed.isPresent(), "the reachable URL was used");
                assertEquals(9, installed.get().height());
            }
            try (ChainStore ours = ChainStore.open(ourChain)) {
                assertEquals(9, ours.tip().height());
                assertEquals(theirs.block(9).orElseThrow().blockHashHex(), ours.tip().blockHashHex());
                SyncOutcome outcome = catchUp(ours, theirs);
                assertTrue(outcome.succeeded(), outcome.detail());
                assertEquals(6, outcome.appended(), "only rounds 4 and 5 came from the peer");
                assertEquals(theirs.heightStatus(), ours.heightStatus());
            }
        }
    }

    @Test
    void withNoUsableArchiveTheNodeSyncsFromGenesis() throws Exception {
        Path ourChain = folder.resolve("data/chain.db");
        Optional<SnapshotManifest> installed = startup().run(ourChain,
                List.of("http://127.0.0.1:18312/hn_bs.tar.gz"));
        assertFalse(installed.isPresent());
        assertFalse(Files.exists(ourChain));
        try (ChainStore theirs = ChainStore.open(folder.resolve("theirs.db"));
             ChainStore ours = ChainStore.open(ourChain)) {
            SnapshotFixture.grow(theirs, 1, 2, 3);
            SyncOutcome outcome = catchUp(ours, theirs);
            assertTrue(outcome.succeeded(), outcome.detail());
            assertEquals(6, outcome.appended());
            assertEquals(theirs.heightStatus(), ours.heightStatus());
        }
    }

    @Test
    void aChainWithBlocksIsNeverBootstrappedOver() throws Exception {
        Path ourChain = folder.resolve("chain.db");
        try (ChainStore ours = ChainStore.open(ourChain)) {
            SnapshotFixture.grow(ours, 1, 1, 1);
        }
        assertFalse(startup().run(ourChain, List.of("http://127.0.0.1:18313/hn_bs.tar.gz")).isPresent());
        try (ChainStore ours = ChainStore.open(ourChain)) {
            assertEquals(1, ours.tip().height());
        }
    }
}
