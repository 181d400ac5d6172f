package org.hn.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hn.bootstrap.SnapshotFixture.Member;
import org.hn.bootstrap.archive.ArchiveLimits;
import org.hn.bootstrap.archive.ArchiveReader;
import org.hn.bootstrap.archive.ExtractedArchive;
import org.hn.bootstrap.archive.SnapshotArchive;
import org.hn.bootstrap.create.SnapshotCreator;
import org.hn.bootstrap.download.DownloadProgress;
import org.hn.bootstrap.install.SnapshotImport;
import org.hn.bootstrap.install.SnapshotInstaller;
import org.hn.bootstrap.manifest.ManifestSignature;
import org.hn.bootstrap.manifest.SnapshotFile;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.bootstrap.verify.SnapshotVerifier;
import org.hn.bootstrap.verify.VerifiedSnapshot;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.config.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of damaged or hostile archive is refused with its own reason, by verify and by import alike, and
 * neither leaves anything behind nor changes the data directory.
 */
class TamperTest {

    @TempDir
    Path folder;

    private final SnapshotVerifier verifier = new SnapshotVerifier(ArchiveLimits.DEFAULTS,
            Set.of(TestChain.address(0)), SnapshotFixture.CLOCK);
    private Path archive;
    private byte[] manifestJson;
    private byte[] signature;
    private byte[] database;
    private SnapshotManifest manifest;
    private Path data;

    @BeforeEach
    void makeArchive() throws Exception {
        data = Files.createDirectories(folder.resolve("data"));
        Files.writeString(data.resolve("hn.conf"), "NETWORK=mainnet\n");
        try (ChainStore occupied = ChainStore.open(data.resolve(SnapshotArchive.CHAIN))) {
            SnapshotFixture.grow(occupied, 1, 1, 2);
        }
        Path chain = folder.resolve("chain.db");
        try (ChainStore store = ChainStore.open(chain)) {
            SnapshotFixture.grow(store, 1, 4, 4);
        }
        archive = folder.resolve("good.tar.gz");
        new SnapshotCreator(Network.MAINNET, TestChain.key(0), SnapshotFixture.CLOCK).create(chain, 10, archive);
        Path unpacked = Files.createDirectory(folder.resolve("unpacked"));
        ExtractedArchive members = ArchiveReader.extract(archive, unpacked, ArchiveLimits.DEFAULTS);
        manifestJson = members.manifestJson();
        signature = members.signature();
        database = Files.readAllBytes(unpacked.resolve(SnapshotArchive.CHAIN));
        manifest = SnapshotManifest.parse(manifestJson);
    }

    /**
     * Verifies {@code candidate}, expecting a refusal, then imports it with {@code --force} into an occupied data
     * directory, expecting the same refusal and every file of the directory unchanged.
     */
    private SnapshotFailure refusal(Path candidate) throws Exception {
        Path work = Files.createDirectories(folder.resolve("work"));
        SnapshotException refused = assertThrows(SnapshotException.class, () -> verifier.verify(candidate, work));
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "the verifier left files behind");
        }
        Map<String, byte[]> before = SnapshotFixture.contents(data);
        SnapshotException refusedImport = assertThrows(SnapshotException.class, () -> new SnapshotImport(
                Network.MAINNET, verifier, new SnapshotInstaller(SnapshotFixture.CLOCK), null)
                .run(candidate.toString(), data.resolve(SnapshotArchive.CHAIN), true, DownloadProgress.SILENT,
                        step -> { }));
        assertEquals(refused.reason(), refusedImport.reason());
        Map<String, byte[]> after = SnapshotFixture.contents(data);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " changed"));
        return refused.reason();
    }

    private Path packed(String name, Member... members) throws Exception {
        Path out = folder.resolve(name);
        SnapshotFixture.pack(out, List.of(members));
        return out;
    }

    private Path packed(String name, byte[] json, byte[] sig, byte[] db) throws Exception {
        return packed(name, Member.file(SnapshotArchive.MANIFEST, json), Member.file(SnapshotArchive.SIGNATURE, sig),
                Member.file(SnapshotArchive.CHAIN, db));
    }

    /** The manifest of {@code db} signed by {@code key}, naming {@code signer}. */
    private byte[] manifestFor(byte[] db, PrivateKey key, String signer) throws Exception {
        String sha256 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(db));
        return new SnapshotManifest(manifest.network(), manifest.round(), manifest.height(), manifest.tipHash(),
                manifest.createdSeconds(), signer, HexFormat.of().formatHex(key.publicKey().toBytes()),
                List.of(new SnapshotFile(SnapshotArchive.CHAIN, db.length, sha256))).toJson();
    }

    @Test
    void theUntouchedArchiveVerifies() throws Exception {
        try (VerifiedSnapshot verified = verifier.verify(archive, folder)) {
            assertEquals(manifest, verified.manifest());
        }
        try (VerifiedSnapshot verified = verifier.verify(packed("repacked.tar.gz", manifestJson, signature,
                database), folder)) {
            assertEquals(manifest, verified.manifest());
        }
    }

    @Test
    void flippingAnyOneByteOfTheArchiveIsRefused() throws Exception {
        byte[] good = Files.readAllBytes(archive);
        long size = good.length;
        // every gzip header byte, bytes through the compressed body, and the CRC-32 and length trailer
        long[] positions = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 64, size / 7, size / 4, size / 3, size / 2,
            2 * size / 3, 3 * size / 4, size - 40, size - 9, size - 8, size - 6, size - 4, size - 2, size - 1};
        for (long position : positions) {
            Path flipped = folder.resolve("flipped-" + position + ".tar.gz");
            byte[] bytes = good.clone();
            bytes[(int) position] ^= 0x01;
            Files.write(flipped, bytes);
            SnapshotFailure reason = refusal(flipped);
            if (position < 10) {
                assertEquals(SnapshotFailure.NOT_A_SNAPSHOT, reason, "byte " + position);
            }
            if (position >= size - 8) {
                assertEquals(SnapshotFailure.TRUNCATED, reason, "gzip trailer byte " + position);
            }
        }
    }

    @Test
    void aChangedManifestFailsItsSignature() throws Exception {
        byte[] json = new String(manifestJson, StandardCharsets.UTF_8)
                .replace("\"round\":10", "\"round\":11").getBytes(StandardCharsets.UTF_8);
        assertFalse(Arrays.equals(json, manifestJson));
        assertEquals(SnapshotFailure.BAD_SIGNATURE, refusal(packed("manifest.tar.gz", json, signature, database)));
    }

    @Test
    void aFlippedSignatureByteFails() throws Exception {
        for (int position : new int[] {0, 31, 32, 63}) {
            byte[] sig = signature.clone();
            sig[position] ^= 0x40;
            assertEquals(SnapshotFailure.BAD_SIGNATURE, refusal(packed("sig" + position + ".tar.gz", manifestJson, sig,
                    database)), "signature byte " + position);
        }
    }

    @Test
    void aFlippedDatabaseByteFailsItsHash() throws Exception {
        for (int position : new int[] {0, 100, database.length / 2, database.length - 1}) {
            byte[] db = database.clone();
            db[position] ^= 0x01;
            assertEquals(SnapshotFailure.HASH_MISMATCH, refusal(packed("db" + position + ".tar.gz", manifestJson,
                    signature, db)), "database byte " + position);
        }
    }

    @Test
    void aWrongSignerIsRefused() throws Exception {
        byte[] byKeyOne = manifestFor(database, TestChain.key(1), TestChain.address(1));
        assertEquals(SnapshotFailure.UNTRUSTED_SIGNER, refusal(packed("other.tar.gz", byKeyOne,
                ManifestSignature.sign(byKeyOne, TestChain.key(1)), database)));
        byte[] claimsKeyZero = manifestFor(database, TestChain.key(1), TestChain.address(0));
        assertEquals(SnapshotFailure.BAD_SIGNATURE, refusal(packed("claims.tar.gz", claimsKeyZero,
                ManifestSignature.sign(claimsKeyZero, TestChain.key(1)), database)));
    }

    @Test
    void hostileMembersAreRefusedBeforeTheyAreWritten() throws Exception {
        Member json = Member.file(SnapshotArchive.MANIFEST, manifestJson);
        Member sig = Member.file(SnapshotArchive.SIGNATURE, signature);
        assertEquals(SnapshotFailure.PATH_TRAVERSAL, refusal(packed("dots.tar.gz", json, sig,
                Member.file("../chain.db", database))));
        assertEquals(SnapshotFailure.PATH_TRAVERSAL, refusal(packed("inner-dots.tar.gz", json, sig,
                Member.file("sub/../../x", database))));
        assertEquals(SnapshotFailure.ABSOLUTE_PATH, refusal(packed("absolute.tar.gz", json, sig,
                Member.file("/tmp/chain.db", database))));
        assertEquals(SnapshotFailure.LINK_MEMBER, refusal(packed("symlink.tar.gz", json, sig,
                Member.symlink(SnapshotArchive.CHAIN, "/etc/passwd"))));
        assertEquals(SnapshotFailure.UNEXPECTED_MEMBER, refusal(packed("extra.tar.gz", json, sig,
                Member.file(SnapshotArchive.CHAIN, database), Member.file("hndb.db", new byte[10]))));
        assertEquals(SnapshotFailure.UNEXPECTED_MEMBER, refusal(packed("twice.tar.gz", json, sig,
                Member.file(SnapshotArchive.CHAIN, database), Member.file(SnapshotArchive.CHAIN, database))));
        assertEquals(SnapshotFailure.BAD_MANIFEST, refusal(packed("unsigned.tar.gz", json,
                Member.file(SnapshotArchive.CHAIN, database))));
        assertEquals(SnapshotFailure.MISSING_FILE, refusal(packed("no-chain.tar.gz", json, sig)));
    }

    @Test
    void oversizedMembersAreRefused() throws Exception {
        SnapshotVerifier small = new SnapshotVerifier(new ArchiveLimits(64 * 1024, database.length - 1),
                Set.of(), SnapshotFixture.CLOCK);
        SnapshotException refused = assertThrows(SnapshotException.class, () -> small.verify(archive, folder));
        assertEquals(SnapshotFailure.TOO_LARGE, refused.reason());
    }

    @Test
    void aTruncatedArchiveIsRefused() throws Exception {
        byte[] good = Files.readAllBytes(archive);
        for (int length : new int[] {5, 200, good.length / 2, good.length - 9}) {
            Path cut = folder.resolve("cut-" + length + ".tar.gz");
            Files.write(cut, Arrays.copyOf(good, length));
            SnapshotFailure reason = refusal(cut);
            assertTrue(reason == SnapshotFailure.TRUNCATED || (length < 10 && reason == SnapshotFailure.NOT_A_SNAPSHOT),
                    length + " bytes: " + reason);
        }
    }

    @Test
    void aDatabaseFailingTheIntegrityCheckIsRefused() throws Exception {
        byte[] db = database.clone();
        int pageSize = ((db[16] & 0xff) << 8) | (db[17] & 0xff);
        // pages 2 and 3 get an invalid b-tree page type: the file header and schema stay readable, the trees not
        db[pageSize] = 0x01;
        db[2 * pageSize] = 0x01;
        byte[] json = manifestFor(db, TestChain.key(0), TestChain.address(0));
        assertEquals(SnapshotFailure.INTEGRITY, refusal(packed("corrupt.tar.gz", json,
                ManifestSignature.sign(json, TestChain.key(0)), db)));
    }

    @Test
    void aChainWithAForgedBlockSignatureIsRefused() throws Exception {
        Path chain = folder.resolve("forged.db");
        try (ChainStore store = ChainStore.open(chain)) {
            PosBlock last = SnapshotFixture.grow(store, 1, 2, 2).get(3);
            PosBlock honest = TestChain.forge(last, 3, 3, 1, List.of());
            byte[] badSignature = honest.signature();
            badSignature[10] ^= 1;
            store.append(new PosBlock(honest.height(), honest.round(), honest.sir(), honest.timestamp(),
                    honest.previousHash(), 0, 0, badSignature, honest.blockHash(), "", honest.forger(), List.of()));
        }
        Path forged = folder.resolve("forged.tar.gz");
        new SnapshotCreator(Network.MAINNET, TestChain.key(0), SnapshotFixture.CLOCK).create(chain, 10, forged);
        assertEquals(SnapshotFailure.INVALID_CHAIN, refusal(forged));
    }
}
