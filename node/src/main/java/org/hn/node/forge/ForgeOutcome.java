package org.hn.node.forge;

import org.hn.chain.block.PosBlock;

/** What one forging attempt in a slot gave ({@code spec/rounds.md §8} step 4). */
public sealed interface ForgeOutcome {

    /** A block was forged, validated and stored; it is to be pushed to every registered hypernode. */
    record Forged(PosBlock block) implements ForgeOutcome {
    }

    /** The attempt was abandoned; the slot stays empty and the taken messages went back to the mempool. */
    record Abandoned(String reason) implements ForgeOutcome {
    }
}
