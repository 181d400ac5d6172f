package org.hn.node.forge;

import java.util.List;
import java.util.Optional;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.InvalidBlockException;
import org.hn.node.consensus.NetworkView;

/**
 * What the scheduled juror does in its slot ({@code spec/rounds.md §8}): check the forging conditions, then
 * build the block from the mempool, sign it, validate it as any live block and store it.
 */
public final class Forger {

    /** {@code MIN_FORGE_CONSENSUS_LOW}: the percentage that suffices when exactly one chain is seen. */
    public static final int MIN_FORGE_CONSENSUS_LOW = 11;
    /** Seconds after the round start before slot 0 may be forged, on 180-second slots. */
    public static final long ROUND_START_GUARD_SECONDS = 15;

    private final PrivateKey key;
    private final byte networkId;
    private final ChainStore store;
    private final Mempool mempool;
    private final BlockValidator validator;

    public Forger(PrivateKey key, byte networkId, ChainStore store, Mempool mempool, BlockValidator validator) {
        this.key = key;
        this.networkId = networkId;
        this.store = store;
        this.mempool = mempool;
        this.validator = validator;
    }

    /**
     * Why the node cannot forge now (§8 steps 1–3), or empty when it may.
     *
     * @param view                   this iteration's network view
     * @param minForgeConsensus      {@code MIN_FORGE_CONSENSUS}, in percent (strictly exceeded)
     * @param secondsSinceRoundStart seconds since this node processed the round start
     * @param guardSeconds           seconds after the round start before forging ({@link #ROUND_START_GUARD_SECONDS}
     *                               on mainnet, scaled to the network's slot length)
     * @param requiredMessages       {@code REQUIRED_MESSAGES_PER_BLOCK}
     */
    public Optional<String> blocker(NetworkView view, int minForgeConsensus, long secondsSinceRoundStart,
                                    long guardSeconds, int requiredMessages) {
        boolean consensus = view.percentage() > minForgeConsensus
                || (view.chains().size() == 1 && view.percentage() > MIN_FORGE_CONSENSUS_LOW);
        if (!consensus) {
            return Optional.of("consensus " + view.percentage() + "% is not above " + minForgeConsensus + "%");
        }
        if (mempool.size() < requiredMessages) {
            return Optional.of("mempool holds " + mempool.size() + " messages, fewer than " + requiredMessages);
        }
        if (secondsSinceRoundStart <= guardSeconds) {
            return Optional.of("the round started " + secondsSinceRoundStart + " s ago");
        }
        return Optional.empty();
    }

    /**
     * Forges the block of (round, slot) on top of our tip (§8 step 4). There is no second attempt in a slot,
     * whatever the outcome.
     *
     * @param nowSeconds the local clock, unix seconds: the block's timestamp
     */
    public ForgeOutcome forge(long round, int slot, long nowSeconds) {
        PosBlock tip;
        try {
            tip = store.tip();
        } catch (StoreException e) {
            return new ForgeOutcome.Abandoned("the chain cannot be read: " + e.getMessage());
        }
        if (round < tip.round() || (round == tip.round() && slot <= tip.sir())) {
            return new ForgeOutcome.Abandoned("the tip is already at round " + tip.round() + " slot " + tip.sir());
        }
        Optional<List<PosMessage>> taken = mempool.takeForBlock(tip.height() + 1, nowSeconds);
        if (taken.isEmpty()) {
            return new ForgeOutcome.Abandoned("too few messages in the mempool");
        }
        PosBlock block = PosBlock.forge(key, networkId, tip.height() + 1, round, slot, nowSeconds, tip.blockHash(),
                taken.get());
        try {
            validator.validateLive(block, tip, nowSeconds);
            store.append(block);
            return new ForgeOutcome.Forged(block);
        } catch (InvalidBlockException | StoreException e) {
            mempool.digest(taken.get().stream().map(tx -> tx.atHeight(0)).toList(), nowSeconds);
            return new ForgeOutcome.Abandoned("our own block was refused: " + e.getMessage());
        }
    }
}
