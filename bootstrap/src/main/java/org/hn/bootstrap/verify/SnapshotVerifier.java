package org.hn.bootstrap.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.SnapshotFailure;
import org.hn.bootstrap.archive.ArchiveLimits;
import org.hn.bootstrap.archive.ArchiveReader;
import org.hn.bootstrap.archive.ExtractedArchive;
import org.hn.bootstrap.archive.SnapshotArchive;
import org.hn.bootstrap.manifest.ManifestSignature;
import org.hn.bootstrap.manifest.SnapshotFile;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.bootstrap.work.WorkDirectory;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.hn.chain.validation.InvalidBlockException;
import org.hn.config.Network;
import org.sqlite.SQLiteConfig;

/**
 * Checks a bootstrap archive end to end before anything of it is used ({@code spec/ops.md §8.1}, careful
 * implementation items 2–3), in this order: archive layout and sizes ({@link ArchiveReader}), manifest, its
 * signature and signer, every file's size and SHA-256, SQLite's {@code PRAGMA integrity_check}, the network's
 * genesis, the tip against the manifest, then every block from height 1 up against the one below it with
 * {@link BlockValidator#validateHistorical} (hash link, block hash, forger signature, messages). Blocks are checked
 * on all cores in batches; the first failure by height is reported.
 */
public final class SnapshotVerifier {

    private static final int BATCH_BLOCKS = 512;

    private final ArchiveLimits limits;
    private final Set<String> trustedSigners;
    private final Clock clock;

    /**
     * @param trustedSigners PoS addresses whose archives are accepted; empty accepts any valid signer
     * @param clock          the time blocks and messages are judged at
     */
    public SnapshotVerifier(ArchiveLimits limits, Set<String> trustedSigners, Clock clock) {
        this.limits = limits;
        this.trustedSigners = Set.copyOf(trustedSigners);
        this.clock = clock;
    }

    /**
     * Verifies an archive, extracting it into a new scratch directory inside {@code workParent}.
     *
     * @param workParent where the scratch directory goes: on the filesystem the chain will be installed on
     * @return the verified snapshot; close it to delete its files
     * @throws SnapshotException with the reason of the first failed check; the scratch directory is deleted
     */
    public VerifiedSnapshot verify(Path archive, Path workParent) throws SnapshotException {
        Path directory;
        try {
            directory = WorkDirectory.create(workParent);
        } catch (IOException e) {
            throw new SnapshotException(SnapshotFailure.IO, "cannot create a work directory in " + workParent + ": "
                    + e.getMessage(), e);
        }
        try {
            SnapshotManifest manifest = check(archive, directory);
            return new VerifiedSnapshot(manifest, directory);
        } catch (SnapshotException | RuntimeException e) {
            try {
                WorkDirectory.delete(directory);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private SnapshotManifest check(Path archive, Path directory) throws SnapshotException {
        ExtractedArchive extracted = ArchiveReader.extract(archive, directory, limits);
        SnapshotManifest manifest = SnapshotManifest.parse(extracted.manifestJson());
        ManifestSignature.verify(extracted.manifestJson(), manifest, extracted.signature(), trustedSigners);
        checkFiles(manifest, extracted.files());
        Path chain = directory.resolve(SnapshotArchive.CHAIN);
        checkIntegrity(chain);
        checkChain(manifest, chain);
        return manifest;
    }

    private static void checkFiles(SnapshotManifest manifest, Map<String, ExtractedArchive.Measured> files)
            throws SnapshotException {
        List<String> listed = new ArrayList<>();
        for (SnapshotFile file : manifest.files()) {
            if (!SnapshotArchive.DATA_FILES.contains(file.name()) || listed.contains(file.name())) {
                throw new SnapshotException(SnapshotFailure.BAD_MANIFEST, "the manifest lists '" + file.name()
                        + "' " + (listed.contains(file.name()) ? "twice" : ", which is not a snapshot file"));
            }
            listed.add(file.name());
            ExtractedArchive.Measured measured = files.get(file.name());
            if (measured == null) {
                throw new SnapshotException(SnapshotFailure.MISSING_FILE, file.name() + " is not in the archive");
            }
            if (measured.size() != file.size() || !measured.sha256().equals(file.sha256())) {
                throw new SnapshotException(SnapshotFailure.HASH_MISMATCH, file.name() + " is " + measured.size()
                        + " bytes with SHA-256 " + measured.sha256() + "; the manifest says " + file.size()
                        + " bytes with " + file.sha256());
            }
        }
        if (!listed.contains(SnapshotArchive.CHAIN)) {
            throw new SnapshotException(SnapshotFailure.BAD_MANIFEST, "the manifest does not list "
                    + SnapshotArchive.CHAIN);
        }
        for (String name : files.keySet()) {
            if (!listed.contains(name)) {
                throw new SnapshotException(SnapshotFailure.UNEXPECTED_MEMBER, name + " is not in the manifest");
            }
        }
    }

    private static void checkIntegrity(Path chain) throws SnapshotException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + chain.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
            List<String> problems = new ArrayList<>();
            while (result.next()) {
                problems.add(result.getString(1));
            }
            if (!problems.equals(List.of("ok"))) {
                throw new SnapshotException(SnapshotFailure.INTEGRITY, "integrity_check: "
                        + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
            }
        } catch (SQLException e) {
            throw new SnapshotException(SnapshotFailure.INTEGRITY, "SQLite cannot read the database: "
                    + e.getMessage(), e);
        }
    }

    private void checkChain(SnapshotManifest manifest, Path chain) throws SnapshotException {
        Network network = manifest.network();
        try (ChainStore store = ChainStore.openExisting(chain)) {
            PosBlock genesis = store.block(0).orElseThrow();
            PosBlock expected = Genesis.of(network);
            if (!Arrays.equals(genesis.blockHash(), expected.blockHash()) || !genesis.forger().equals(expected.forger())
                    || !Arrays.equals(genesis.signature(), expected.signature())) {
                throw new SnapshotException(SnapshotFailure.MANIFEST_MISMATCH, "the chain's genesis "
                        + genesis.blockHashHex() + " is not the " + network.id() + " genesis");
            }
            PosBlock tip = store.tip();
            if (tip.height() != manifest.height() || !tip.blockHashHex().equals(manifest.tipHash())
                    || tip.round() > manifest.round()) {
                throw new SnapshotException(SnapshotFailure.MANIFEST_MISMATCH, "the chain ends at height "
                        + tip.height() + " round " + tip.round() + " hash " + tip.blockHashHex()
                        + "; the manifest says height " + manifest.height() + " round ≤ " + manifest.round() + " hash "
                        + manifest.tipHash());
            }
            validateBlocks(store, network, tip.height(), genesis);
        } catch (StoreException e) {
            throw new SnapshotException(SnapshotFailure.INVALID_CHAIN, "the chain database cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private void validateBlocks(ChainStore store, Network network, long tipHeight, PosBlock genesis)
            throws StoreException, SnapshotException {
        BlockValidator validator = new BlockValidator(network.networkId(), (round, slot) -> Optional.empty(),
                network == Network.MAINNET ? HistoricalExemptions.mainnet() : HistoricalExemptions.NONE,
                new BlockBans(BlockBans.DEFAULT_TTL_SECONDS), BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
        long nowSeconds = clock.millis() / 1000;
        PosBlock previous = genesis;
        for (long first = 1; first <= tipHeight; first += BATCH_BLOCKS) {
            List<PosBlock> batch = store.blocksFrom(first, BATCH_BLOCKS);
            if (batch.isEmpty() || batch.get(0).height() != first) {
                throw new SnapshotException(SnapshotFailure.INVALID_CHAIN, "block " + first + " is missing");
            }
            PosBlock before = previous;
            Optional<String> failure = IntStream.range(0, batch.size()).parallel()
                    .mapToObj(index -> failureOf(validator, batch.get(index),
                            index == 0 ? before : batch.get(index - 1), nowSeconds))
                    .filter(reason -> reason != null)
                    .findFirst();
            if (failure.isPresent()) {
                throw new SnapshotException(SnapshotFailure.INVALID_CHAIN, failure.get());
            }
            previous = batch.get(batch.size() - 1);
        }
    }

    private static String failureOf(BlockValidator validator, PosBlock block, PosBlock previous, long nowSeconds) {
        try {
            validator.validateHistorical(block, previous, nowSeconds);
            return null;
        } catch (InvalidBlockException e) {
            return "block " + block.height() + ": " + e.rejection() + " (" + e.getMessage() + ")";
        }
    }
}
