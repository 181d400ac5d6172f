package org.hn.node.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.download.DownloadProgress;
import org.hn.bootstrap.install.SnapshotImport;
import org.hn.bootstrap.manifest.SnapshotManifest;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up bootstrap ({@code spec/ops.md §8.1}): a node whose chain is empty (no chain file, or only the
 * genesis) imports the first usable archive among its {@code BOOTSTRAP_URLS}, tried in random order as the
 * reference picks one at random, and then syncs the rest from its peers as usual. When none is usable it logs
 * why and the node syncs from genesis. A chain with blocks is never touched.
 */
public final class StartupBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBootstrap.class);
    private static final int LOG_EVERY_PERCENT = 10;

    /** How long a bootstrap server may take to connect and to start answering. */
    public static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final SnapshotImport importer;
    private final Random random;

    public StartupBootstrap(SnapshotImport importer, Random random) {
        this.importer = importer;
        this.random = random;
    }

    /**
     * Bootstraps {@code chainFile} if its chain is empty.
     *
     * @param urls the archives to try
     * @return the installed snapshot's manifest; empty when the chain had blocks, no URL was given, or none was
     *         usable
     */
    public Optional<SnapshotManifest> run(Path chainFile, List<String> urls) {
        if (urls.isEmpty() || !isEmpty(chainFile)) {
            return Optional.empty();
        }
        List<String> order = new ArrayList<>(urls);
        Collections.shuffle(order, random);
        for (String url : order) {
            LOG.info("bootstrapping the empty chain from {}", url);
            try {
                SnapshotManifest manifest = importer.run(url, chainFile, false, progressLog(url),
                        step -> LOG.debug("bootstrap {}", step));
                LOG.info("bootstrapped to height {} (round {}, tip {}) signed by {}; syncing the rest from peers",
                        manifest.height(), manifest.round(), manifest.tipHash(), manifest.signer());
                return Optional.of(manifest);
            } catch (SnapshotException e) {
                LOG.warn("bootstrap from {} refused: {}: {}", url, e.reason(), e.getMessage());
            }
        }
        LOG.warn("no bootstrap archive was usable; syncing the chain from genesis over the network");
        return Optional.empty();
    }

    /** No chain file, or a chain of only its genesis block. */
    private static boolean isEmpty(Path chainFile) {
        if (!Files.exists(chainFile)) {
            return true;
        }
        try (ChainStore store = ChainStore.openExisting(chainFile)) {
            return store.tip().height() == 0;
        } catch (StoreException e) {
            LOG.warn("the chain {} cannot be read ({}); not bootstrapping over it", chainFile, e.getMessage());
            return false;
        }
    }

    private static DownloadProgress progressLog(String url) {
        long[] lastDecile = {-1};
        return (bytes, total) -> {
            if (total > 0) {
                long decile = bytes * 100 / total / LOG_EVERY_PERCENT;
                if (decile != lastDecile[0]) {
                    lastDecile[0] = decile;
                    LOG.info("bootstrap download {}: {}% of {} bytes", url, decile * LOG_EVERY_PERCENT, total);
                }
            }
        };
    }
}
