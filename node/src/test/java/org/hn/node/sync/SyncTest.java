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
import java.util.SplittableRandom;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncTest {

    private static final long NOW = Genesis.TIMESTAMP + 10 * 3600;
    private static final String PEER = "127.0.0.2:06969";

    @TempDir
    Path directory;

    private ChainStore ours;
    private ChainStore theirs;
    private Mempool mempool;
    private BlockValidator validator;
    private final BlockBans bans = new BlockBans(BlockBans.DEFAULT_TTL_SECONDS);

    @BeforeEach
    void openChains() throws Exception {
        ours = ChainStore.open(directory.resolve("ours.db"));
        theirs = ChainStore.open(directory.resolve("theirs.db"));
        mempool = new Mempool(TestChain.MAINNET, txid -> false, MempoolLimits.DEFAULTS, new SplittableRandom(3));
        validator = new BlockValidator(TestChain.MAINNET, (round, slot) -> Optional.empty(), HistoricalExemptions.NONE,
                bans, BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
    }

    @AfterEach
    void closeChains() {
        ours.close();
        theirs.close();
    }

    /** A chain of blocks in the given rounds (slot 1, 2, … within each), each with 4 fresh messages. */
    private static List<PosBlock> chain(PosBlock from, int forger, long[] rounds, int salt) {
        List<PosBlock> blocks = new ArrayList<>();
        PosBlock previous = from;
        int slot = 0;
        long lastRound = -1;
        for (long round : rounds) {
            slot = round == lastRound ? slot + 1 : 1;
            lastRound = round;
            List<PosMessage> txs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                txs.add(tx(NOW - 600 + salt * 10 + blocks.size() * 20 + i, i % 2, 2, 202, "TEST:" + salt, round));
            }
            previous = forge(previous, forger, round, slot, txs);
            blocks.add(previous);
        }
        return blocks;
    }

    @Test
    void catchUpRollsBackToTheCommonBlockThenDownloadsTheRest() throws Exception {
        List<PosBlock> shared = chain(Genesis.mainnet(), 3, new long[] {1, 1, 2}, 0);
        ours.appendAll(shared);
        theirs.appendAll(shared);
        List<PosBlock> ourFork = chain(shared.get(2), 3, new long[] {3, 3}, 1);
        ours.appendAll(ourFork);
        theirs.appendAll(chain(shared.get(2), 4, new long[] {3, 4, 4, 5, 5, 6, 6}, 2));

        CatchUp catchUp = new CatchUp(ours, mempool, validator, new ChainPeer(theirs, 3), 40, Duration.ofSeconds(5));
        SyncOutcome outcome = catchUp.run(PEER, theirs.heightStatus(), NOW);

        assertTrue(outcome.succeeded(), outcome.detail());
        assertEquals(2, outcome.removed());
        assertEquals(7, outcome.appended());
        assertEquals(theirs.heightStatus(), ours.heightStatus());
        assertEquals(8, mempool.size(), "the 8 messages of our two rolled-back blocks came back to the mempool");
    }

    @Test
    void catchUpRefusesARollbackDeeperThanAllowed() throws Exception {
        ours.appendAll(chain(Genesis.mainnet(), 3, new long[] {1, 1, 2, 2}, 1));
        theirs.appendAll(chain(Genesis.mainnet(), 4, new long[] {1, 2, 3}, 2));
        SyncOutcome outcome = new CatchUp(ours, mempool, validator, new ChainPeer(theirs, 20), 3, Duration.ofSeconds(5))
                .run(PEER, theirs.heightStatus(), NOW);
        assertFalse(outcome.succeeded());
        assertEquals(3, outcome.removed());
        assertEquals("no common block with " + PEER + " within 3 blocks; an operator must decide", outcome.detail());
        assertEquals(1, ours.tip().height());
    }

    @Test
    void roundSyncReplacesTheDifferingTopOfTheRound() throws Exception {
        List<PosBlock> shared = chain(Genesis.mainnet(), 3, new long[] {1, 2}, 0);
        ours.appendAll(shared);
        theirs.appendAll(shared);
        ours.appendAll(chain(shared.get(1), 3, new long[] {3}, 1));
        theirs.appendAll(chain(shared.get(1), 4, new long[] {3, 3}, 2));

        RoundSync sync = new RoundSync(ours, mempool, validator, new ChainPeer(theirs, 20), bans,
                HistoricalExemptions.NONE, Duration.ofSeconds(5));
        SyncOutcome outcome = sync.run(PEER, theirs.heightStatus(), forger -> true, NOW);

        assertTrue(outcome.succeeded(), outcome.detail());
        assertEquals(1, outcome.removed());
        assertEquals(2, outcome.appended());
        assertEquals(theirs.heightStatus(), ours.heightStatus());

        SyncOutcome again = sync.run(PEER, theirs.heightStatus(), forger -> true, NOW);
        assertEquals("nothing to replace: we already hold round 3", again.detail());
        assertTrue(bans.isBanned(theirs.tip().blockHashHex(), NOW));
    }

    @Test
    void roundSyncRefusesBrokenPromisesAndUnregisteredForgers() throws Exception {
        List<PosBlock> shared = chain(Genesis.mainnet(), 3, new long[] {1}, 0);
        ours.appendAll(shared);
        theirs.appendAll(shared);
        theirs.appendAll(chain(shared.get(0), 4, new long[] {2, 2}, 2));
        RoundSync sync = new RoundSync(ours, mempool, validator, new ChainPeer(theirs, 20), bans,
                HistoricalExemptions.NONE, Duration.ofSeconds(5));

        var promised = theirs.heightStatus();
        var inflated = new org.hn.chain.height.HeightStatus(promised.height(), promised.round(), promised.sir(),
                promised.blockHash(), promised.uniques(), promised.uniquesRound() + 1, promised.forgers(),
                promised.forgersRound());
        assertEquals(PEER + " did not send the round it reported", sync.run(PEER, inflated, forger -> true, NOW).detail());
        assertTrue(bans.isBanned(promised.blockHash(), NOW));

        BlockBans fresh = new BlockBans(BlockBans.DEFAULT_TTL_SECONDS);
        RoundSync strict = new RoundSync(ours, mempool, validator, new ChainPeer(theirs, 20), fresh,
                HistoricalExemptions.NONE, Duration.ofSeconds(5));
        SyncOutcome unregistered = strict.run(PEER, promised, forger -> !forger.equals(TestChain.address(4)), NOW);
        assertFalse(unregistered.succeeded());
        assertEquals("block 2 forged by unregistered " + TestChain.address(4), unregistered.detail());
        assertEquals(1, ours.tip().height(), "nothing was removed");
    }
}
