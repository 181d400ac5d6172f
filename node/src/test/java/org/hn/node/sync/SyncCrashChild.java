package org.hn.node.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.chain.testing.TestChain;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;

/**
 * The process {@link SyncCrashTest} kills: a node's chain digestion against one peer whose chain is a database
 * ({@link ChainPeer}), until it holds the peer's chain. Each pass: {@link CatchUp} through the end of the round
 * after our tip's (rolling back whatever does not match first); a competing version of the next round, two
 * blocks forged by test key 4, validated and appended by {@link ChainRepair} as a pushed round would be; then
 * {@link RoundSync} replacing it with the peer's version of that round.
 *
 * <p>Arguments: our chain database, the peer's. Prints {@code resumed HEIGHT HASH} at start, {@code step} before
 * each answer of the peer and after each competing block is stored, and {@code synced HEIGHT HASH} before it
 * exits once our tip is the peer's. Any failed sync ends the process with status 2.
 */
public final class SyncCrashChild {

    static final String PEER = "127.0.0.1:18001";
    /** Blocks per {@code blocksync} answer: one, so that a catch-up commits block by block and stops on its target. */
    private static final int BLOCK_SYNC_COUNT = 1;
    private static final int MAX_ROLLBACK_BLOCKS = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ChainStore ours;
    private final ChainStore theirs;
    private final ChainRepair repair;
    private final CatchUp catchUp;
    private final RoundSync roundSync;
    private final Set<String> forgers = new HashSet<>();

    private SyncCrashChild(ChainStore ours, ChainStore theirs) {
        this.ours = ours;
        this.theirs = theirs;
        Mempool mempool = new Mempool(TestChain.MAINNET, txid -> false, MempoolLimits.DEFAULTS,
                new SplittableRandom(5));
        BlockBans bans = new BlockBans(BlockBans.DEFAULT_TTL_SECONDS);
        BlockValidator validator = new BlockValidator(TestChain.MAINNET, (round, slot) -> Optional.empty(),
                HistoricalExemptions.NONE, bans, BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
        ChainPeer peer = new ChainPeer(theirs, BLOCK_SYNC_COUNT, SyncCrashChild::step);
        this.repair = new ChainRepair(ours, mempool, validator);
        this.catchUp = new CatchUp(ours, mempool, validator, peer, MAX_ROLLBACK_BLOCKS, TIMEOUT);
        this.roundSync = new RoundSync(ours, mempool, validator, peer, bans, HistoricalExemptions.NONE, TIMEOUT);
        for (int key = 0; key < 4; key++) {
            forgers.add(TestChain.address(key));
        }
    }

    public static void main(String[] args) throws Exception {
        try (ChainStore ours = ChainStore.open(Path.of(args[0]));
             ChainStore theirs = ChainStore.openExisting(Path.of(args[1]))) {
            PosBlock tip = ours.tip();
            System.out.println("resumed " + tip.height() + " " + tip.blockHashHex());
            System.out.flush();
            new SyncCrashChild(ours, theirs).digestAll();
        }
    }

    private void digestAll() throws Exception {
        PosBlock peerTip = theirs.tip();
        while (true) {
            long nextRound = Math.min(ours.tip().round() + 1, peerTip.round());
            SyncOutcome caughtUp = catchUp.run(PEER, roundEnd(nextRound), now());
            require(caughtUp);
            PosBlock tip = ours.tip();
            if (tip.height() == peerTip.height() && tip.blockHashHex().equals(peerTip.blockHashHex())) {
                System.out.println("synced " + tip.height() + " " + tip.blockHashHex());
                System.out.flush();
                return;
            }
            if (tip.height() != roundEnd(tip.round()).height()) {
                System.out.println("failed the catch-up stopped at " + tip.height() + ", inside round " + tip.round());
                System.out.flush();
                System.exit(2);
            }
            long competing = tip.round() + 1;
            PosBlock first = competingBlock(tip, competing, 1);
            repair.append(List.of(first), now());
            step();
            repair.append(List.of(competingBlock(first, competing, 2)), now());
            step();
            require(roundSync.run(PEER, roundEnd(competing), forgers::contains, now()));
        }
    }

    /** The peer's height status as it reported it when {@code round} was its tip round (chain.md §9.1). */
    private HeightStatus roundEnd(long round) throws StoreException {
        List<PosBlock> blocks = theirs.blocksOfRound(round);
        PosBlock last = blocks.get(blocks.size() - 1);
        HeightStatus info = theirs.blockInfo(last.height());
        Set<String> senders = new HashSet<>();
        Set<String> roundForgers = new HashSet<>();
        for (PosBlock block : blocks) {
            roundForgers.add(block.forger());
            block.txs().forEach(tx -> senders.add(tx.sender()));
        }
        return new HeightStatus(info.height(), info.round(), info.sir(), info.blockHash(), info.uniques(),
                senders.size(), info.forgers(), roundForgers.size());
    }

    /** A block of test key 4, which never forges on the peer's chain, so it always differs from the peer's. */
    private static PosBlock competingBlock(PosBlock previous, long round, int sir) {
        List<PosMessage> txs = new ArrayList<>();
        for (int index = 0; index < 4; index++) {
            txs.add(TestChain.tx(SyncCrashTest.messageTime(round, sir, index), 4 - index % 2, index, 0, "", sir));
        }
        return TestChain.forge(previous, 4, round, sir, txs);
    }

    private static void require(SyncOutcome outcome) {
        if (!outcome.succeeded()) {
            System.out.println("failed " + outcome.detail());
            System.out.flush();
            System.exit(2);
        }
    }

    private static void step() {
        System.out.println("step");
        System.out.flush();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
