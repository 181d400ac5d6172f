package org.hn.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hn.bootstrap.archive.ArchiveLimits;
import org.hn.bootstrap.create.SnapshotCreator;
import org.hn.bootstrap.download.SnapshotDownload;
import org.hn.bootstrap.install.SnapshotImport;
import org.hn.bootstrap.install.SnapshotInstaller;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.bootstrap.verify.SnapshotVerifier;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.config.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching an archive from a loopback HTTP server (ports 18300–18309), including a resumed download. */
class DownloadTest {

    @TempDir
    Path folder;

    private byte[] archive;
    private SnapshotManifest made;
    private final SnapshotDownload download = new SnapshotDownload(
            SnapshotDownload.defaultClient(Duration.ofSeconds(5)), Duration.ofSeconds(10), 1 << 30);

    @BeforeEach
    void makeArchive() throws Exception {
        Path source = folder.resolve("source.db");
        try (ChainStore store = ChainStore.open(source)) {
            SnapshotFixture.grow(store, 1, 3, 4);
        }
        Path file = folder.resolve("snapshot.tar.gz");
        made = new SnapshotCreator(Network.MAINNET, TestChain.key(0), SnapshotFixture.CLOCK).create(source, 3, file);
        archive = Files.readAllBytes(file);
    }

    @Test
    void aBrokenDownloadResumesWithARange() throws Exception {
        int half = archive.length / 2;
        Path target = folder.resolve("in/hn_bs.tar.gz");
        Files.createDirectories(target.getParent());
        try (ArchiveServer server = new ArchiveServer(18300, archive, true, half)) {
            SnapshotException broken = assertThrows(SnapshotException.class,
                    () -> download.fetch(URI.create(server.url()), target, (bytes, total) -> { }));
            assertEquals(SnapshotFailure.IO, broken.reason());
            // the dropped connection may discard bytes still in flight: the part holds what arrived, at most half
            long kept = Files.size(SnapshotDownload.partOf(target));
            assertTrue(kept > 0 && kept <= half, "the part is kept for a resume: " + kept + " bytes");
            assertFalse(Files.exists(target));

            List<long[]> progress = new ArrayList<>();
            download.fetch(URI.create(server.url()), target, (bytes, total) -> progress.add(new long[] {bytes, total}));
            assertEquals(List.of("", "bytes=" + kept + "-"), server.ranges());
            assertArrayEquals(archive, Files.readAllBytes(target));
            assertFalse(Files.exists(SnapshotDownload.partOf(target)));
            assertArrayEquals(new long[] {kept, archive.length}, progress.get(0), "progress starts at the resumed part");
            assertArrayEquals(new long[] {archive.length, archive.length}, progress.get(progress.size() - 1));
        }
    }

    @Test
    void aStalledServerFailsTheDownloadWhichThenResumes() throws Exception {
        int third = archive.length / 3;
        Path target = folder.resolve("hn_bs.tar.gz");
        SnapshotDownload impatient = new SnapshotDownload(SnapshotDownload.defaultClient(Duration.ofSeconds(5)),
                Duration.ofMillis(400), 1 << 30);
        try (ArchiveServer server = new ArchiveServer(18304, archive, true, third, true)) {
            SnapshotException stalled = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                    SnapshotException.class, () -> impatient.fetch(URI.create(server.url()), target, (b, t) -> { })));
            assertTrue(stalled.getMessage().contains("no data for 400 ms"), stalled.getMessage());
            assertEquals(third, Files.size(SnapshotDownload.partOf(target)));
            impatient.fetch(URI.create(server.url()), target, (b, t) -> { });
            assertArrayEquals(archive, Files.readAllBytes(target));
        }
    }

    @Test
    void aServerIgnoringRangesIsReadFromTheStartAgain() throws Exception {
        Path target = folder.resolve("hn_bs.tar.gz");
        Files.write(SnapshotDownload.partOf(target), new byte[] {1, 2, 3});
        try (ArchiveServer server = new ArchiveServer(18301, archive, false, -1)) {
            download.fetch(URI.create(server.url()), target, (bytes, total) -> { });
            assertEquals(List.of("bytes=3-"), server.ranges());
            assertArrayEquals(archive, Files.readAllBytes(target));
        }
    }

    @Test
    void anErrorStatusOrAForeignSchemeIsRefused() throws Exception {
        Path target = folder.resolve("hn_bs.tar.gz");
        try (ArchiveServer server = new ArchiveServer(18302, archive, true, -1)) {
            SnapshotException missing = assertThrows(SnapshotException.class, () -> download.fetch(
                    URI.create(server.url().replace("hn_bs", "other")), target, (bytes, total) -> { }));
            assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
        }
        SnapshotException ftp = assertThrows(SnapshotException.class,
                () -> download.fetch(URI.create("ftp://127.0.0.1/x"), target, (bytes, total) -> { }));
        assertEquals(SnapshotFailure.IO, ftp.reason());
    }

    @Test
    void importingFromAnUrlInstallsTheChainAndDropsTheDownload() throws Exception {
        Path chain = folder.resolve("data/chain.db");
        SnapshotImport importer = new SnapshotImport(Network.MAINNET, new SnapshotVerifier(ArchiveLimits.DEFAULTS,
                Set.of(TestChain.address(0)), SnapshotFixture.CLOCK), new SnapshotInstaller(SnapshotFixture.CLOCK),
                download);
        try (ArchiveServer server = new ArchiveServer(18303, archive, true, archive.length / 3)) {
            assertThrows(SnapshotException.class, () -> importer.run(server.url(), chain, false, (b, t) -> { },
                    step -> { }));
            assertFalse(Files.exists(chain), "nothing installed from a broken download");
            SnapshotManifest imported = importer.run(server.url(), chain, false, (b, t) -> { }, step -> { });
            assertEquals(made, imported);
        }
        try (ChainStore store = ChainStore.open(chain)) {
            assertEquals(12, store.tip().height());
            assertEquals(made.tipHash(), store.tip().blockHashHex());
        }
        assertFalse(Files.exists(chain.resolveSibling(SnapshotImport.DOWNLOAD_NAME)));
    }
}
