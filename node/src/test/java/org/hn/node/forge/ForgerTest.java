package org.hn.node.forge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.hn.config.Network;
import org.hn.node.consensus.NetworkView;
import org.hn.node.consensus.ObservedChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForgerTest {

    private static final long ROUND = 5;
    private static final int SLOT = 2;
    private static final long NOW = Network.MAINNET.roundStart(ROUND) + SLOT * 180L + 10;

    @TempDir
    Path directory;

    private Mempool mempool;

    private Forger forger(ChainStore store, int jurorIndex) {
        mempool = new Mempool(TestChain.MAINNET, txid -> false, MempoolLimits.DEFAULTS, new SplittableRandom(1));
        BlockValidator validator = new BlockValidator(TestChain.MAINNET,
                (round, slot) -> Optional.of(TestChain.address(jurorIndex)), HistoricalExemptions.NONE,
                new BlockBans(BlockBans.DEFAULT_TTL_SECONDS), BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
        return new Forger(TestChain.key(2), TestChain.MAINNET, store, mempool, validator);
    }

    private List<PosMessage> fillMempool(int count) {
        List<PosMessage> txs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            txs.add(TestChain.tx(NOW - 60 + (count - i), i % 2, 3, 202, "START", ROUND));
        }
        assertEquals(count, mempool.digest(txs, NOW).accepted());
        return txs;
    }

    private static NetworkView view(int chains, int percentage) {
        List<ObservedChain> observed = new ArrayList<>();
        for (int i = 0; i < chains; i++) {
            observed.add(new ObservedChain(new HeightStatus(0, 0, 0, "0" + i, 0, 0, 0, 1), List.of("peer" + i)));
        }
        return new NetworkView(observed, 1, percentage);
    }

    @Test
    void forgesOnlyWhenConsensusMempoolAndTimingAllow() throws Exception {
        try (ChainStore store = ChainStore.open(directory.resolve("chain.db"))) {
            Forger forger = forger(store, 2);
            fillMempool(4);
            assertEquals(Optional.of("consensus 18% is not above 18%"), forger.blocker(view(2, 18), 18, 100, 15, 4));
            assertEquals(Optional.empty(), forger.blocker(view(2, 19), 18, 100, 15, 4));
            assertEquals(Optional.empty(), forger.blocker(view(1, 12), 18, 100, 15, 4), "one chain: 11% suffices");
            assertEquals(Optional.of("consensus 11% is not above 18%"), forger.blocker(view(1, 11), 18, 100, 15, 4));
            assertEquals(Optional.of("mempool holds 4 messages, fewer than 5"), forger.blocker(view(1, 50), 18, 100, 15, 5));
            assertEquals(Optional.of("the round started 15 s ago"), forger.blocker(view(1, 50), 18, 15, 15, 4));
        }
    }

    @Test
    void forgesStoresAndRefusesASecondBlockForTheSameSlot() throws Exception {
        try (ChainStore store = ChainStore.open(directory.resolve("chain.db"))) {
            Forger forger = forger(store, 2);
            List<PosMessage> txs = fillMempool(5);

            PosBlock block = assertInstanceOf(ForgeOutcome.Forged.class, forger.forge(ROUND, SLOT, NOW)).block();
            assertEquals(1, block.height());
            assertEquals(ROUND, block.round());
            assertEquals(SLOT, block.sir());
            assertEquals(NOW, block.timestamp());
            assertEquals(Genesis.mainnet().blockHashHex(), java.util.HexFormat.of().formatHex(block.previousHash()));
            assertEquals(TestChain.address(2), block.forger());
            List<PosMessage> oldestFirst = new ArrayList<>(txs);
            java.util.Collections.reverse(oldestFirst);
            assertEquals(oldestFirst.stream().map(PosMessage::txidHex).toList(),
                    block.txs().stream().map(PosMessage::txidHex).toList(), "oldest first");
            assertEquals(block, store.tip());
            assertEquals(0, mempool.size());

            fillMempool(4);
            ForgeOutcome again = forger.forge(ROUND, SLOT, NOW + 5);
            assertEquals(new ForgeOutcome.Abandoned("the tip is already at round 5 slot 2"), again);
        }
    }

    @Test
    void aRefusedOwnBlockReturnsItsMessagesToTheMempool() throws Exception {
        try (ChainStore store = ChainStore.open(directory.resolve("chain.db"))) {
            Forger notTheJuror = forger(store, 4);
            fillMempool(6);
            ForgeOutcome outcome = notTheJuror.forge(ROUND, SLOT, NOW);
            assertTrue(assertInstanceOf(ForgeOutcome.Abandoned.class, outcome).reason()
                    .startsWith("our own block was refused: forger does not own the slot"), outcome.toString());
            assertEquals(6, mempool.size());
            assertEquals(Genesis.mainnet(), store.tip());
        }
    }
}
