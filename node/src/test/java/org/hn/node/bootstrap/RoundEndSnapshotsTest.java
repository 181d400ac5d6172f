package org.hn.node.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.hn.bootstrap.SnapshotFixture;
import org.hn.bootstrap.archive.ArchiveLimits;
import org.hn.bootstrap.create.SnapshotCreator;
import org.hn.bootstrap.create.SnapshotShelf;
import org.hn.bootstrap.verify.SnapshotVerifier;
import org.hn.bootstrap.verify.VerifiedSnapshot;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.config.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node with BOOTSTRAP_KEEP makes an archive of round R − 2 at each round end and keeps the newest few. */
class RoundEndSnapshotsTest {

    @TempDir
    Path folder;

    @Test
    void eachRoundEndAddsTheArchiveOfRoundRMinusTwoAndKeepsTheLastTwo() throws Exception {
        Path chain = folder.resolve("chain.db");
        try (ChainStore store = ChainStore.open(chain)) {
            SnapshotFixture.grow(store, 1, 6, 2);
        }
        Path shelf = folder.resolve("bootstrap");
        RoundEndSnapshots snapshots = new RoundEndSnapshots(new SnapshotShelf(shelf, 2),
                new SnapshotCreator(Network.MAINNET, TestChain.key(0), SnapshotFixture.CLOCK), chain, Network.MAINNET,
                Runnable::run);
        // the listener reads only the time of the round change; rounds 4, 5 and 6 end in turn
        for (long round = 5; round <= 7; round++) {
            snapshots.roundEnded(null, Network.MAINNET.roundStart(round) + 1);
        }
        try (Stream<Path> list = Files.list(shelf)) {
            assertEquals(Set.of("hn-bootstrap-mainnet-4.tar.gz", "hn-bootstrap-mainnet-5.tar.gz", "hn_bs.tar.gz"),
                    Set.copyOf(list.map(path -> path.getFileName().toString()).toList()));
        }
        SnapshotVerifier verifier = new SnapshotVerifier(ArchiveLimits.DEFAULTS, Set.of(TestChain.address(0)),
                SnapshotFixture.CLOCK);
        try (VerifiedSnapshot latest = verifier.verify(shelf.resolve(SnapshotShelf.LATEST), folder)) {
            assertEquals(5, latest.manifest().round());
            assertEquals(10, latest.manifest().height(), "rounds 1–5 of 2 blocks");
        }
    }
}
