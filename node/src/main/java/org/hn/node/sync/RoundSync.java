package org.hn.node.sync;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.hn.chain.validation.InvalidBlockException;
import org.hn.node.round.PeerNetwork;

/**
 * Replaces the current round's blocks by a better version from a peer ({@code spec/chain.md §10.3}): fetch the
 * round with {@code roundblocks}, check its linkage from our last block before the round, check that it keeps
 * the promise of the peer's height report, then swap the differing top of our chain for it. A broken promise,
 * nothing to replace, or a block by an unregistered forger bans the fetched round's last hash for a while. The
 * reference stops the node on a linkage mismatch; this abandons the sync instead.
 */
public final class RoundSync {

    private final ChainRepair repair;
    private final PeerNetwork peers;
    private final BlockBans bans;
    private final HistoricalExemptions exemptions;
    private final Duration fetchTimeout;

    /**
     * @param fetchTimeout limit for the {@code roundblocks} fetch (60 s in the reference)
     */
    public RoundSync(ChainStore store, Mempool mempool, BlockValidator validator, PeerNetwork peers, BlockBans bans,
                     HistoricalExemptions exemptions, Duration fetchTimeout) {
        this.repair = new ChainRepair(store, mempool, validator);
        this.peers = peers;
        this.bans = bans;
        this.exemptions = exemptions;
        this.fetchTimeout = fetchTimeout;
    }

    /**
     * Runs a round sync with one peer of the better chain.
     *
     * @param promised           the better chain's height status, as its peers reported it
     * @param isRegisteredForger whether a PoS address is a registered hypernode of the round
     */
    public SyncOutcome run(String peerKey, HeightStatus promised, Predicate<String> isRegisteredForger,
                           long nowSeconds) {
        List<PosBlock> fetched;
        try {
            fetched = PeerFailure.await(peers.roundBlocks(peerKey, promised.round()), fetchTimeout);
        } catch (PeerFailure e) {
            return new SyncOutcome(false, 0, 0, peerKey + ": " + e.getMessage());
        }
        if (fetched.isEmpty()) {
            return new SyncOutcome(false, 0, 0, peerKey + " sent no block of round " + promised.round());
        }
        String lastHash = fetched.get(fetched.size() - 1).blockHashHex();
        try {
            for (PosBlock block : fetched) {
                if (exemptions.isBadFork(block.height(), block.blockHashHex())) {
                    return new SyncOutcome(false, 0, 0, "known bad fork block " + block.blockHashHex());
                }
            }
            Optional<String> linkageError = linkageError(fetched, promised.round());
            if (linkageError.isPresent()) {
                return new SyncOutcome(false, 0, 0, peerKey + ": " + linkageError.get());
            }
            if (!promised.heightsMatch(simulate(fetched, promised))) {
                bans.ban(lastHash, nowSeconds);
                return new SyncOutcome(false, 0, 0, peerKey + " did not send the round it reported");
            }
            int firstDifferent = firstDifferent(fetched);
            if (firstDifferent == fetched.size()) {
                bans.ban(lastHash, nowSeconds);
                return new SyncOutcome(false, 0, 0, "nothing to replace: we already hold round " + promised.round());
            }
            List<PosBlock> replacement = fetched.subList(firstDifferent, fetched.size());
            for (PosBlock block : replacement) {
                if (!isRegisteredForger.test(block.forger())) {
                    bans.ban(lastHash, nowSeconds);
                    return new SyncOutcome(false, 0, 0, "block " + block.height() + " forged by unregistered "
                            + block.forger());
                }
            }
            long keepThrough = replacement.get(0).height() - 1;
            long ourTip = repair.store().tip().height();
            List<PosMessage> removed = repair.store().rollbackTo(keepThrough);
            int appended;
            try {
                appended = repair.append(replacement, nowSeconds);
            } finally {
                repair.reinject(removed, nowSeconds);
            }
            return new SyncOutcome(true, (int) (ourTip - keepThrough), appended,
                    "replaced heights above " + keepThrough + " by " + peerKey + "'s round " + promised.round());
        } catch (InvalidBlockException e) {
            bans.ban(lastHash, nowSeconds);
            return new SyncOutcome(false, 0, 0, "block refused from " + peerKey + ": " + e.getMessage());
        } catch (StoreException e) {
            return new SyncOutcome(false, 0, 0, "chain database: " + e.getMessage());
        }
    }

    /** Heights follow our last block before the round, hashes chain, counts match (§10.3 step 4). */
    private Optional<String> linkageError(List<PosBlock> fetched, long round) throws StoreException {
        PosBlock previous = repair.store().lastBlockBefore(round).orElseThrow();
        for (PosBlock block : fetched) {
            if (block.round() != round) {
                return Optional.of("block " + block.height() + " is of round " + block.round() + ", not " + round);
            }
            if (block.height() != previous.height() + 1 || !Arrays.equals(block.previousHash(), previous.blockHash())) {
                return Optional.of("block " + block.height() + " does not follow " + previous.height());
            }
            if (block.msgCount() != block.txs().size()) {
                return Optional.of("block " + block.height() + " claims " + block.msgCount() + " messages, holds "
                        + block.txs().size());
            }
            previous = block;
        }
        return Optional.empty();
    }

    /** The height status the fetched round gives (§9.3); uniques and forgers are the promise's, not compared. */
    private static HeightStatus simulate(List<PosBlock> fetched, HeightStatus promised) {
        PosBlock last = fetched.get(fetched.size() - 1);
        Set<String> senders = new HashSet<>();
        Set<String> forgers = new HashSet<>();
        for (PosBlock block : fetched) {
            forgers.add(block.forger());
            block.txs().forEach(tx -> senders.add(tx.sender()));
        }
        return new HeightStatus(last.height(), last.round(), last.sir(), last.blockHashHex(), promised.uniques(),
                senders.size(), promised.forgers(), forgers.size());
    }

    /** Index of the first fetched block we lack or hold with another hash; the size when we hold them all. */
    private int firstDifferent(List<PosBlock> fetched) throws StoreException {
        for (int index = 0; index < fetched.size(); index++) {
            PosBlock theirs = fetched.get(index);
            Optional<PosBlock> ours = repair.store().block(theirs.height());
            if (ours.isEmpty() || !Arrays.equals(ours.get().blockHash(), theirs.blockHash())) {
                return index;
            }
        }
        return fetched.size();
    }
}
