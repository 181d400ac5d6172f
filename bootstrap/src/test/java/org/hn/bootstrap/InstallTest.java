package org.hn.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hn.bootstrap.archive.ArchiveLimits;
import org.hn.bootstrap.create.SnapshotCreator;
import org.hn.bootstrap.download.DownloadProgress;
import org.hn.bootstrap.install.InstallStep;
import org.hn.bootstrap.install.SnapshotImport;
import org.hn.bootstrap.install.SnapshotInstaller;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.bootstrap.verify.SnapshotVerifier;
import org.hn.chain.block.PosBlock;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.config.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing a verified archive into a data directory: empty, occupied, refused, and interrupted at every step. */
class InstallTest {

    @TempDir
    Path folder;

    private Path archive;
    private SnapshotManifest made;
    private Path data;
    private Path chain;

    @BeforeEach
    void makeArchive() throws Exception {
        Path source = folder.resolve("source.db");
        try (ChainStore store = ChainStore.open(source)) {
            SnapshotFixture.grow(store, 1, 6, 3);
        }
        archive = folder.resolve("snapshot.tar.gz");
        made = new SnapshotCreator(Network.MAINNET, TestChain.key(0), SnapshotFixture.CLOCK).create(source, 4, archive);
        data = folder.resolve("data");
        chain = data.resolve("chain.db");
    }

    static SnapshotImport importer() {
        return new SnapshotImport(Network.MAINNET, new SnapshotVerifier(ArchiveLimits.DEFAULTS, Set.of(), SnapshotFixture.CLOCK),
                new SnapshotInstaller(SnapshotFixture.CLOCK), null);
    }

    /** A data directory whose chain has 2 blocks of its own, beside a wallet-like file. */
    private PosBlock occupy() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("hn.conf"), "NETWORK=mainnet\n");
        try (ChainStore store = ChainStore.open(chain)) {
            return SnapshotFixture.grow(store, 1, 1, 2).get(1);
        }
    }

    private static PosBlock tipOf(Path chainFile) throws Exception {
        try (ChainStore store = ChainStore.open(chainFile)) {
            return store.tip();
        }
    }

    @Test
    void importingIntoAnEmptyDirectoryGivesTheSnapshotsChain() throws Exception {
        SnapshotManifest imported = importer().run(archive.toString(), chain, false, DownloadProgress.SILENT,
                step -> { });
        assertEquals(made, imported);
        PosBlock tip = tipOf(chain);
        assertEquals(12, tip.height(), "rounds 1–4 of 3 blocks");
        assertEquals(made.height(), tip.height());
        assertEquals(made.tipHash(), tip.blockHashHex());
        try (Stream<Path> list = Files.list(data)) {
            assertEquals(Set.of("chain.db"), Set.copyOf(list.map(path -> path.getFileName().toString()).toList()));
        }
    }

    @Test
    void anOccupiedDirectoryIsRefusedUnlessForcedAndThenBackedUp() throws Exception {
        PosBlock old = occupy();
        SnapshotException refused = assertThrows(SnapshotException.class, () -> importer().run(archive.toString(),
                chain, false, DownloadProgress.SILENT, step -> { }));
        assertEquals(SnapshotFailure.TARGET_NOT_EMPTY, refused.reason());
        assertEquals(old.blockHashHex(), tipOf(chain).blockHashHex());

        importer().run(archive.toString(), chain, true, DownloadProgress.SILENT, step -> { });
        assertEquals(made.tipHash(), tipOf(chain).blockHashHex());
        Path backup = data.resolve("chain.db.backup-" + SnapshotFixture.CLOCK.millis() / 1000);
        assertEquals(old.blockHashHex(), tipOf(backup).blockHashHex());
    }

    @Test
    void aRefusedArchiveLeavesTheTargetUntouched() throws Exception {
        occupy();
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x10;
        Path bad = folder.resolve("bad.tar.gz");
        Files.write(bad, bytes);
        Map<String, byte[]> before = SnapshotFixture.contents(data);
        SnapshotException refused = assertThrows(SnapshotException.class, () -> importer().run(bad.toString(),
                chain, true, DownloadProgress.SILENT, step -> { }));
        assertEquals(SnapshotFailure.TRUNCATED, refused.reason());
        Map<String, byte[]> after = SnapshotFixture.contents(data);
        assertEquals(before.keySet(), after.keySet());
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name);
        }
    }

    @Test
    void anArchiveOfAnotherNetworkIsRefused() throws Exception {
        SnapshotImport devnet = new SnapshotImport(Network.DEVNET, new SnapshotVerifier(ArchiveLimits.DEFAULTS,
                Set.of(), SnapshotFixture.CLOCK), new SnapshotInstaller(SnapshotFixture.CLOCK), null);
        SnapshotException refused = assertThrows(SnapshotException.class, () -> devnet.run(archive.toString(), chain,
                false, DownloadProgress.SILENT, step -> { }));
        assertEquals(SnapshotFailure.MANIFEST_MISMATCH, refused.reason());
        assertTrue(!Files.exists(chain));
    }

    /** Thrown by a step listener to stop an import as a crash would, between two steps. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aCrashBetweenAnyTwoStepsLeavesTheOldOrTheNewChainWhole() throws Exception {
        PosBlock old = occupy();
        for (InstallStep crashAt : InstallStep.values()) {
            assertThrows(Crash.class, () -> importer().run(archive.toString(), chain, true, DownloadProgress.SILENT,
                    step -> {
                        if (step == crashAt) {
                            throw new Crash();
                        }
                    }));
            String tip = tipOf(chain).blockHashHex();
            boolean switched = crashAt.compareTo(InstallStep.SWITCHED) >= 0;
            assertEquals(switched ? made.tipHash() : old.blockHashHex(), tip, "crash after " + crashAt);
            if (switched) {
                // back to the old chain for the next round
                Files.delete(chain);
                try (ChainStore store = ChainStore.open(chain)) {
                    SnapshotFixture.grow(store, 1, 1, 2);
                }
            }
        }
        importer().run(archive.toString(), chain, true, DownloadProgress.SILENT, step -> { });
        assertEquals(made.tipHash(), tipOf(chain).blockHashHex());
        try (Stream<Path> list = Files.list(data)) {
            assertTrue(list.noneMatch(path -> path.getFileName().toString().startsWith(".bootstrap-work-")
                    || path.getFileName().toString().endsWith(".incoming")), "scratch files of the crashes are gone");
        }
    }

    @Test
    void aKilledImportLeavesTheOldOrTheNewChainWhole() throws Exception {
        PosBlock old = occupy();
        assertEquals(old.blockHashHex(), killedAt(InstallStep.BACKED_UP));
        assertEquals(made.tipHash(), killedAt(InstallStep.SWITCHED));
    }

    /** Runs an import in a child JVM that stops at {@code step}, kills it there, and returns the chain's tip hash. */
    private String killedAt(InstallStep step) throws Exception {
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(javaBinary.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dhn.testdata=" + System.getProperty("hn.testdata"), ImportUntilKilled.class.getName(),
                archive.toString(), chain.toString(), step.name()).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String reached = null;
            while (reached == null && (line = output.readLine()) != null) {
                if (line.equals("reached " + step)) {
                    reached = line;
                }
            }
            assertEquals("reached " + step, reached, "the child did not get to " + step);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child did not end");
        }
        return tipOf(chain).blockHashHex();
    }
}
