package org.hn.chain.mempool;

import static org.hn.chain.testing.TestChain.forge;
import static org.hn.chain.testing.TestChain.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.chain.testing.TestChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages removed by a rollback go back to the mempool when still young and valid (spec/chain.md §11.1 step 4). */
class RollbackReinjectionTest {

    private static final long NOW = Genesis.TIMESTAMP + 1_000_000;

    @TempDir
    Path folder;

    @Test
    void youngMessagesOfRolledBackBlocksAreForgedAgain() throws Exception {
        try (ChainStore store = ChainStore.open(folder.resolve("chain.db"))) {
            Predicate<byte[]> inChain = txid -> {
                try {
                    return store.hasTx(txid);
                } catch (StoreException e) {
                    throw new IllegalStateException(e);
                }
            };
            Mempool mempool = new Mempool(TestChain.MAINNET, inChain, MempoolLimits.DEFAULTS, new SplittableRandom(1));
            List<PosMessage> old = List.of(tx(NOW - 4000, 0, 1, 0, "", 1), tx(NOW - 4000, 1, 2, 0, "", 1),
                    tx(NOW - 4000, 2, 3, 0, "", 1), tx(NOW - 4000, 3, 4, 0, "", 1));
            List<PosMessage> young = List.of(tx(NOW - 100, 4, 0, 0, "", 1), tx(NOW - 200, 3, 0, 0, "", 1),
                    tx(NOW - 100, 2, 0, 0, "", 1), tx(NOW - 300, 1, 0, 0, "", 1));
            PosBlock first = forge(Genesis.mainnet(), 0, 1, 0, old);
            PosBlock second = forge(first, 1, 1, 1, young);
            store.appendAll(List.of(first, second));

            // Still in the chain: refused.
            assertEquals(Map.of(MempoolRejection.ALREADY_IN_CHAIN, 4), mempool.digest(young, NOW).rejected());

            List<PosMessage> removed = store.rollbackTo(0);
            DigestSummary reinjected = mempool.digest(removed, NOW);
            assertEquals(4, reinjected.accepted());
            assertEquals(Map.of(MempoolRejection.TOO_OLD, 4), reinjected.rejected());

            List<PosMessage> next = mempool.takeForBlock(1, NOW).orElseThrow();
            assertEquals(List.of(young.get(3).atHeight(1), young.get(1).atHeight(1), young.get(0).atHeight(1),
                    young.get(2).atHeight(1)), next);
            store.append(forge(Genesis.mainnet(), 2, 1, 5, next));
            assertEquals(next, store.tip().txs());
        }
    }
}
