package org.hn.node.bootstrap;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.create.SnapshotCreator;
import org.hn.bootstrap.create.SnapshotShelf;
import org.hn.config.Network;
import org.hn.node.round.RoundContext;
import org.hn.node.round.RoundListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a bootstrap archive of our chain at each round end, cut at the end of round R − 2
 * ({@code spec/ops.md §8.1}, careful implementation item 4), onto a {@link SnapshotShelf} that keeps the last few
 * ({@code BOOTSTRAP_KEEP}). The work runs on {@code executor}, off the round driver's thread; a round end that
 * comes while the previous archive is still being made is skipped.
 */
public final class RoundEndSnapshots implements RoundListener {

    private static final Logger LOG = LoggerFactory.getLogger(RoundEndSnapshots.class);

    private final SnapshotShelf shelf;
    private final SnapshotCreator creator;
    private final Path chainFile;
    private final Network network;
    private final Executor executor;
    private final AtomicBoolean busy = new AtomicBoolean();

    public RoundEndSnapshots(SnapshotShelf shelf, SnapshotCreator creator, Path chainFile, Network network,
                             Executor executor) {
        this.shelf = shelf;
        this.creator = creator;
        this.chainFile = chainFile;
        this.network = network;
        this.executor = executor;
    }

    @Override
    public void roundPrepared(RoundContext context) {
        // archives are made at round ends only
    }

    @Override
    public void roundEnded(RoundContext ended, long nowSeconds) {
        long cutRound = SnapshotCreator.cutRoundAt(network, nowSeconds);
        if (cutRound < 0 || !busy.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    shelf.add(creator, chainFile, network.id(), cutRound).ifPresent(manifest -> LOG.info(
                            "bootstrap archive of round {} made: height {}, tip {}", manifest.round(),
                            manifest.height(), manifest.tipHash()));
                } catch (SnapshotException e) {
                    LOG.warn("the bootstrap archive of round {} failed: {}: {}", cutRound, e.reason(), e.getMessage());
                } finally {
                    busy.set(false);
                }
            });
        } catch (RejectedExecutionException stopping) {
            busy.set(false);
        }
    }
}
