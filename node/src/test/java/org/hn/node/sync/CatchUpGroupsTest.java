package org.hn.node.sync;

import static org.hn.chain.testing.TestChain.forge;
import static org.hn.chain.testing.TestChain.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.chain.testing.TestChain;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catch-up stores valid answers in groups, one transaction each: with answers of 2 blocks of 4 messages and
 * groups of at least 20 messages, a group is 3 answers (6 blocks). The chain only ever grows by whole groups, and
 * whatever ends the catch-up early (a refused block, a peer gone) first stores every block validated before it.
 */
class CatchUpGroupsTest {

    private static final long NOW = Genesis.TIMESTAMP + 10 * 3600;
    private static final String PEER = "127.0.0.2:06969";
    private static final int BLOCKS = 14;

    @TempDir
    Path directory;

    private ChainStore ours;
    private ChainStore theirs;
    private final Set<Long> heightsSeenByThePeer = new TreeSet<>();

    @BeforeEach
    void openChains() throws Exception {
        ours = ChainStore.open(directory.resolve("ours.db"));
        theirs = ChainStore.open(directory.resolve("theirs.db"));
    }

    @AfterEach
    void closeChains() {
        ours.close();
        theirs.close();
    }

    /** {@link #BLOCKS} blocks of 4 messages in rounds 1–3; the block at {@code tamperedHeight} has a forged tx. */
    private static List<PosBlock> chain(long tamperedHeight) {
        List<PosBlock> blocks = new ArrayList<>();
        PosBlock previous = Genesis.mainnet();
        for (int height = 1; height <= BLOCKS; height++) {
            List<PosMessage> txs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                txs.add(tx(NOW - 600 + height * 10 + i, i % 2, 2, 202, "TEST:" + height, 1));
            }
            if (height == tamperedHeight) {
                PosMessage signed = txs.get(1);
                txs.set(1, new PosMessage(signed.txid(), 0, signed.timestamp(), signed.sender(), signed.recipient(),
                        signed.what(), "TAMPERED", signed.value(), signed.pubkey(), 0));
            }
            previous = forge(previous, 3, 1 + (height - 1) / 5, 1 + (height - 1) % 5, txs);
            blocks.add(previous);
        }
        return blocks;
    }

    private ChainPeer peer() {
        return new ChainPeer(theirs, 2, () -> {
            try {
                heightsSeenByThePeer.add(ours.tip().height());
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private SyncOutcome catchUp(ChainPeer peer) throws StoreException {
        Mempool mempool = new Mempool(TestChain.MAINNET, txid -> false, MempoolLimits.DEFAULTS,
                new SplittableRandom(3));
        BlockValidator validator = new BlockValidator(TestChain.MAINNET, (round, slot) -> Optional.empty(),
                HistoricalExemptions.NONE, new BlockBans(BlockBans.DEFAULT_TTL_SECONDS),
                BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
        return new CatchUp(ours, mempool, validator, peer, 40, Duration.ofSeconds(5), 20)
                .run(PEER, theirs.heightStatus(), NOW);
    }

    @Test
    void theChainGrowsByWholeGroups() throws Exception {
        theirs.appendAll(chain(-1));
        SyncOutcome outcome = catchUp(peer());
        assertTrue(outcome.succeeded(), outcome.detail());
        assertEquals(BLOCKS, outcome.appended());
        assertEquals(theirs.heightStatus(), ours.heightStatus());
        assertTrue(Set.of(0L, 6L, 12L).containsAll(heightsSeenByThePeer), heightsSeenByThePeer.toString());
    }

    @Test
    void aRefusedBlockEndsTheCatchUpWithEveryBlockBeforeItStored() throws Exception {
        List<PosBlock> chain = chain(12);
        theirs.appendAll(chain);
        SyncOutcome outcome = catchUp(peer());
        assertFalse(outcome.succeeded());
        assertTrue(outcome.detail().startsWith("block refused from " + PEER + ": "), outcome.detail());
        assertTrue(outcome.detail().contains(chain.get(11).txs().get(1).txidHex()), outcome.detail());
        assertEquals(11, outcome.appended());
        assertEquals(chain.get(10), ours.tip());
        assertTrue(Set.of(0L, 6L).containsAll(heightsSeenByThePeer), heightsSeenByThePeer.toString());
    }

    @Test
    void aPeerGoneMidwayLeavesEveryValidatedBlockStored() throws Exception {
        List<PosBlock> chain = chain(-1);
        theirs.appendAll(chain);
        ChainPeer peer = peer();
        peer.failBlockSyncFrom(9);
        SyncOutcome outcome = catchUp(peer);
        assertFalse(outcome.succeeded());
        assertEquals(PEER + ": connection reset", outcome.detail());
        assertEquals(8, outcome.appended());
        assertEquals(chain.get(7), ours.tip());
    }
}
