package org.hn.chain.store;

import static org.hn.chain.testing.TestChain.address;
import static org.hn.chain.testing.TestChain.forge;
import static org.hn.chain.testing.TestChain.tx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.message.MessageVerifier;
import org.hn.chain.message.PosMessage;
import org.hn.chain.testing.TestChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainStoreTest {

    private static final long T = Genesis.TIMESTAMP + 3600;
    private static final String GENESIS_HASH = "87d5ad9988b88dda92aa988267e30c89479fc2d2";

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("poc_pos_chain.db");
    }

    /**
     * Five blocks over rounds 1–3 (the hand-worked chain of the metric tests). Forgers (key index → address):
     * 1: A1, 2: A2, 3: A1, 4: A3, 5: A0. Senders: 1: A0 A1, 2: A2, 3: A3 A0, 4: A4, 5: A1.
     */
    private static List<PosBlock> handBuiltChain() {
        PosBlock b1 = forge(Genesis.mainnet(), 1, 1, 0, List.of(
                tx(T, 0, 1, 202, "START", 1), tx(T + 1, 0, 2, 200, "R.SYNC:1.2.3.4:06969", 1),
                tx(T + 2, 1, 1, 201, "NO_TEST:1", 1), tx(T + 3, 1, 0, 101, "P.FAIL:5.6.7.8:06969", 1)));
        PosBlock b2 = forge(b1, 2, 1, 3, List.of(
                tx(T + 4, 2, 2, 202, "START", 1), tx(T + 5, 2, 3, 202, "TEST:1", 0),
                tx(T + 6, 2, 3, 204, "TEST:2", 7), tx(T + 7, 2, 0, 101, "P.FAIL:9.9.9.9:06969", 1)));
        PosBlock b3 = forge(b2, 1, 2, 0, List.of(
                tx(T + 3600, 3, 3, 202, "START", 2), tx(T + 3601, 0, 1, 101, "P.FAIL:1.1.1.1:06969", 2),
                tx(T + 3602, 3, 2, 200, "C.SYNC:2.2.2.2:06969", 2), tx(T + 3603, 0, 0, 201, "NO_TEST:2", 2)));
        PosBlock b4 = forge(b3, 3, 3, 1, List.of(
                tx(T + 7200, 4, 4, 202, "START", 3), tx(T + 7201, 4, 0, 203, "TEST:0", 0),
                tx(T + 7202, 4, 1, 101, "P.FAIL:3.3.3.3:06969", 3), tx(T + 7203, 4, 1, 101, "P.FAIL:3.3.3.3:06969", 4)));
        PosBlock b5 = forge(b4, 0, 3, 5, List.of(
                tx(T + 7400, 1, 1, 202, "START", 3), tx(T + 7401, 1, 2, 202, "TEST:3", 0),
                tx(T + 7402, 1, 2, 200, "R.SYNC:4.4.4.4:06969", 3), tx(T + 7403, 1, 3, 204, "TEST:4", 5)));
        return List.of(b1, b2, b3, b4, b5);
    }

    @Test
    void aFreshStoreHoldsTheMainnetGenesisAndItsStatus() throws Exception {
        try (ChainStore store = ChainStore.open(file())) {
            assertEquals(Genesis.mainnet(), store.tip());
            assertEquals(new HeightStatus(0, 0, 0, GENESIS_HASH, 0, 0, 0, 1), store.heightStatus());
            assertEquals(new HeightStatus(0, 0, 0, GENESIS_HASH, 0, 0, 0, 0), store.blockInfo(0));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = raw.createStatement()) {
            assertEquals("wal", single(statement, "PRAGMA journal_mode"));
            assertEquals("3", single(statement, "PRAGMA user_version"));
            assertEquals("ok", single(statement, "PRAGMA integrity_check"));
        }
    }

    @Test
    void hostileAndNumericLookingParamsRoundTripAsText() throws Exception {
        List<String> params = List.of("O'Brien'); DROP TABLE pos_messages;--", "12345", "1e5", "007");
        List<PosMessage> txs = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            txs.add(tx(T + i, i, 4, 0, params.get(i), 1));
        }
        PosBlock block = forge(Genesis.mainnet(), 4, 1, 0, txs);
        try (ChainStore store = ChainStore.open(file())) {
            store.append(block);
        }
        try (ChainStore store = ChainStore.open(file())) {
            PosBlock stored = store.block(1).orElseThrow();
            assertEquals(block, stored);
            MessageVerifier verifier = new MessageVerifier(TestChain.MAINNET, MessageVerifier.AddressPolicy.STRICT);
            for (int i = 0; i < params.size(); i++) {
                PosMessage read = stored.txs().get(i);
                assertEquals(params.get(i), read.params());
                assertArrayEquals(txs.get(i).signedBuffer(), read.signedBuffer());
                verifier.verify(read, T + 10);
            }
            assertArrayEquals(block.computeHash(), stored.computeHash());
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = raw.createStatement()) {
            assertEquals("4", single(statement, "SELECT COUNT(*) FROM pos_messages"));
            assertEquals("text", single(statement, "SELECT DISTINCT typeof(params) FROM pos_messages"));
        }
    }

    @Test
    void txsComeBackInBlockOrderNotByTimestampOrTxid() throws Exception {
        List<PosMessage> sameSecond = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sameSecond.add(tx(T, i % 5, (i + 1) % 5, 202, "TEST:" + i, i));
        }
        // Descending txids: neither rowid-by-txid nor "ORDER BY timestamp, txid" gives this order back.
        sameSecond.sort(Comparator.comparing(PosMessage::txidHex).reversed());
        List<PosMessage> unsorted = List.of(tx(T + 9, 0, 1, 0, "", 1), tx(T + 2, 1, 2, 0, "", 1),
                tx(T + 9, 2, 3, 0, "", 1), tx(T + 1, 3, 4, 0, "", 1));
        try (ChainStore store = ChainStore.open(file())) {
            PosBlock first = forge(Genesis.mainnet(), 0, 1, 0, sameSecond);
            PosBlock second = forge(first, 1, 1, 1, unsorted);
            store.appendAll(List.of(first, second));
            assertEquals(sameSecond.stream().map(PosMessage::txidHex).toList(),
                    store.block(1).orElseThrow().txs().stream().map(PosMessage::txidHex).toList());
            assertEquals(unsorted.stream().map(PosMessage::txidHex).toList(),
                    store.block(2).orElseThrow().txs().stream().map(PosMessage::txidHex).toList());
            assertEquals(List.of(first, second), store.blocksOfRound(1));
            assertEquals(List.of(Genesis.mainnet()), store.blocksOfRound(0));
            assertEquals(List.of(), store.blocksOfRound(2));
            assertEquals(Optional.of(second), store.lastBlockBefore(2), "round 2's reference block is round 1's last");
            assertEquals(Optional.of(second), store.lastBlockBefore(7), "empty rounds in between change nothing");
            assertEquals(Optional.of(Genesis.mainnet()), store.lastBlockBefore(1));
            assertEquals(Optional.empty(), store.lastBlockBefore(0));
        }
    }

    @Test
    void conflictsAreRefusedWithTheirReasonAndLeaveTheTipIntact() throws Exception {
        PosMessage shared = tx(T, 0, 1, 0, "", 1);
        PosBlock first = forge(Genesis.mainnet(), 0, 1, 0,
                List.of(shared, tx(T, 1, 2, 0, "", 1), tx(T, 2, 3, 0, "", 1), tx(T, 3, 4, 0, "", 1)));
        PosMessage fresh = tx(T + 1, 4, 0, 0, "", 1);
        try (ChainStore store = ChainStore.open(file())) {
            store.append(first);
            HeightStatus before = store.heightStatus();

            ChainConflictException inChain = assertThrows(ChainConflictException.class,
                    () -> store.append(forge(first, 1, 1, 1, List.of(fresh, shared))));
            assertEquals(ChainConflict.DUPLICATE_TXID, inChain.conflict());
            assertEquals("DUPLICATE_TXID: txid " + shared.txidHex() + " is already in block 1", inChain.getMessage());

            ChainConflictException twice = assertThrows(ChainConflictException.class,
                    () -> store.append(forge(first, 1, 1, 1, List.of(fresh, fresh))));
            assertEquals(ChainConflict.DUPLICATE_TXID_IN_BLOCK, twice.conflict());

            ChainConflictException slot = assertThrows(ChainConflictException.class,
                    () -> store.append(forge(first, 1, 1, 0, List.of(fresh))));
            assertEquals(ChainConflict.DUPLICATE_ROUND_SIR, slot.conflict());
            assertEquals("DUPLICATE_ROUND_SIR: round 1 sir 0 already has block 1", slot.getMessage());

            PosBlock gap = PosBlock.forge(TestChain.key(1), TestChain.MAINNET, 3, 1, 2, T, first.blockHash(),
                    List.of(fresh));
            assertEquals(ChainConflict.NOT_NEXT_HEIGHT,
                    assertThrows(ChainConflictException.class, () -> store.append(gap)).conflict());

            PosBlock unlinked = PosBlock.forge(TestChain.key(1), TestChain.MAINNET, 2, 1, 1, T,
                    Genesis.mainnet().blockHash(), List.of(fresh));
            ChainConflictException notLinked = assertThrows(ChainConflictException.class, () -> store.append(unlinked));
            assertEquals(ChainConflict.NOT_LINKED, notLinked.conflict());
            assertEquals("NOT_LINKED: block 2 follows " + GENESIS_HASH + " but the tip is " + first.blockHashHex(),
                    notLinked.getMessage());

            PosMessage shortTxid = new PosMessage(new byte[10], 0, T, address(0), address(1), 0, "", 1,
                    fresh.pubkey(), 0);
            PosBlock malformed = forge(first, 1, 1, 1, List.of(fresh, shortTxid));
            assertEquals(ChainConflict.MALFORMED,
                    assertThrows(ChainConflictException.class, () -> store.append(malformed)).conflict());

            // A batch is all or nothing: a good block before a bad one is not kept either.
            PosBlock good = forge(first, 1, 1, 1, List.of(fresh));
            assertEquals(ChainConflict.DUPLICATE_TXID, assertThrows(ChainConflictException.class,
                    () -> store.appendAll(List.of(good, forge(good, 2, 1, 2, List.of(shared))))).conflict());

            assertEquals(first, store.tip());
            assertEquals(before, store.heightStatus());
            assertFalse(store.hasTx(fresh.txid()));
            assertTrue(store.hasTx(shared.txid()));
            assertEquals(Optional.empty(), store.block(2));

            store.append(good);
            assertEquals(good, store.tip());
        }
    }

    @Test
    void heightStatusAndBlockInfoFollowTheSpecDefinitions() throws Exception {
        List<PosBlock> chain = handBuiltChain();
        try (ChainStore store = ChainStore.open(file())) {
            store.appendAll(chain.subList(0, 3));
            // Tip 3 in round 2: Hprev = 2 (senders A0 A1 A2, forgers A1 A2), round 2 = block 3 (A3 A0; A1).
            assertEquals(new HeightStatus(3, 2, 0, chain.get(2).blockHashHex(), 3, 2, 2, 1), store.heightStatus());
            store.appendAll(chain.subList(3, 5));
            // Tip 5 in round 3: Hprev = 3 (senders A0–A3, forgers A1 A2), round 3 = blocks 4–5 (A4 A1; A3 A0).
            assertEquals(new HeightStatus(5, 3, 5, chain.get(4).blockHashHex(), 4, 2, 2, 2), store.heightStatus());

            assertEquals(new HeightStatus(5, 3, 5, chain.get(4).blockHashHex(), 4, 0, 2, 0), store.blockInfo(5));
            assertEquals(new HeightStatus(4, 3, 1, chain.get(3).blockHashHex(), 4, 0, 2, 0), store.blockInfo(4));
            assertEquals(new HeightStatus(3, 2, 0, chain.get(2).blockHashHex(), 3, 0, 2, 0), store.blockInfo(3));
            assertEquals(new HeightStatus(2, 1, 3, chain.get(1).blockHashHex(), 0, 0, 0, 0), store.blockInfo(2));
            assertEquals(new HeightStatus(0, 0, 0, "", 0, 0, 0, 0), store.blockInfo(6));
            assertEquals(new HeightStatus(0, 0, 0, "", 0, 0, 0, 0), store.blockInfo(-1));
        }
    }

    @Test
    void replacingBlocksBelowTheTipRoundRecomputesThePastRoundMetrics() throws Exception {
        List<PosBlock> chain = handBuiltChain();
        try (ChainStore store = ChainStore.open(file())) {
            store.appendAll(chain);
            assertEquals(new HeightStatus(5, 3, 5, chain.get(4).blockHashHex(), 4, 2, 2, 2), store.heightStatus());
            assertEquals(new HeightStatus(4, 3, 1, chain.get(3).blockHashHex(), 4, 0, 2, 0), store.blockInfo(4));

            store.rollbackTo(2);
            PosBlock otherB3 = forge(chain.get(1), 4, 2, 0, List.of(tx(T + 3600, 0, 1, 0, "", 1),
                    tx(T + 3601, 0, 2, 0, "", 1), tx(T + 3602, 0, 3, 0, "", 1), tx(T + 3603, 0, 4, 0, "", 1)));
            PosBlock otherB4 = forge(otherB3, 3, 3, 1, List.of(tx(T + 7200, 4, 0, 0, "", 1),
                    tx(T + 7201, 4, 1, 0, "", 1), tx(T + 7202, 4, 2, 0, "", 1), tx(T + 7203, 4, 3, 0, "", 1)));
            store.appendAll(List.of(otherB3, otherB4));
            // Hprev is 3 again, but block 3 now has sender A0 only and forger A4: uniques {A0 A1 A2},
            // forgers {A1 A2 A4}; round 3 = block 4' (sender A4, forger A3).
            assertEquals(new HeightStatus(4, 3, 1, otherB4.blockHashHex(), 3, 1, 3, 1), store.heightStatus());
            assertEquals(new HeightStatus(4, 3, 1, otherB4.blockHashHex(), 3, 0, 3, 0), store.blockInfo(4));
        }
    }

    @Test
    void pastRoundMetricsGrowOnlyOverTheBlocksTheyWereCountedOn() throws Exception {
        List<PosBlock> chain = handBuiltChain();
        try (ChainStore store = ChainStore.open(file())) {
            store.appendAll(chain);
            // Counted over blocks 1–2: senders A0 A1 A2, forgers A1 A2.
            assertEquals(new HeightStatus(3, 2, 0, chain.get(2).blockHashHex(), 3, 0, 2, 0), store.blockInfo(3));
            // Grown to blocks 1–3 without reading 1–2 again: block 3 adds sender A3.
            assertEquals(new HeightStatus(5, 3, 5, chain.get(4).blockHashHex(), 4, 2, 2, 2), store.heightStatus());
            assertEquals(new HeightStatus(3, 2, 0, chain.get(2).blockHashHex(), 3, 0, 2, 0), store.blockInfo(3));

            store.rollbackTo(1);
            PosBlock otherB2 = forge(chain.get(0), 4, 1, 3, List.of(tx(T + 4, 0, 1, 0, "", 1)));
            PosBlock otherB3 = forge(otherB2, 4, 2, 0, List.of(tx(T + 3600, 3, 1, 0, "", 1)));
            PosBlock otherB4 = forge(otherB3, 3, 3, 1, List.of(tx(T + 7200, 4, 0, 0, "", 1)));
            store.appendAll(List.of(otherB2, otherB3, otherB4));
            // Block 2 changed below the blocks counted before, so everything is counted again: blocks 1–3' have
            // senders A0 A1 A3 and forgers A1 A4 (not A2, whose block 2 is gone); round 3 = block 4' (A4; A3).
            assertEquals(new HeightStatus(4, 3, 1, otherB4.blockHashHex(), 3, 1, 2, 1), store.heightStatus());
        }
    }

    @Test
    void activityMetricsCountPerAddressOverARoundRange() throws Exception {
        String a0 = address(0);
        String a1 = address(1);
        String a2 = address(2);
        String a3 = address(3);
        String a4 = address(4);
        try (ChainStore store = ChainStore.open(file())) {
            store.appendAll(handBuiltChain());
            ActivityMetrics rounds1to2 = store.activity(1, 2);
            assertEquals(Map.of(a1, 2L, a2, 1L), rounds1to2.forged());
            assertEquals(Map.of(a0, 4L, a1, 2L, a2, 4L, a3, 2L), rounds1to2.sources());
            assertEquals(Map.of(a2, 2L), rounds1to2.okActionsReceived());
            assertEquals(Map.of(a0, 1L, a2, 1L, a3, 1L), rounds1to2.startCount());
            assertEquals(Map.of(a0, 1L, a1, 1L), rounds1to2.noTestsSent());
            assertEquals(Map.of(a2, 1L), rounds1to2.okTestsSent());
            assertEquals(Map.of(a2, 1L), rounds1to2.koTestsSent());
            // what=101: A1→A0, A2→A0, A0→A1. Received from distinct senders: A0 2, A1 1; sent to distinct
            // recipients: A1 1, A2 1, A0 1.
            assertEquals(Map.of(a0, 3L, a1, 2L, a2, 1L), rounds1to2.koActionsReceived());

            ActivityMetrics round3 = store.activity(3, 3);
            assertEquals(Map.of(a3, 1L, a0, 1L), round3.forged());
            // A4→A1 twice counts once each way.
            assertEquals(Map.of(a1, 1L, a4, 1L), round3.koActionsReceived());
            assertEquals(Map.of(a1, 1L, a4, 1L), round3.startCount());

            assertEquals(new ActivityMetrics(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                    Map.of()), store.activity(7, 9));

            assertEquals(Set.of(a0, a1, a2, a3), store.activeHypernodes(1, 2));
            assertEquals(Set.of(a0, a1, a3, a4), store.activeHypernodes(3, 3));
            assertEquals(Set.of(), store.activeHypernodes(4, 10));
        }
    }

    @Test
    void rollbackReturnsTheRemovedTxsAndRecomputesTheStatus() throws Exception {
        List<PosBlock> chain = handBuiltChain();
        try (ChainStore store = ChainStore.open(file())) {
            store.appendAll(chain);
            assertEquals(5, store.heightStatus().height());

            List<PosMessage> removed = store.rollbackTo(3);
            List<PosMessage> expected = new ArrayList<>(chain.get(3).txs());
            expected.addAll(chain.get(4).txs());
            assertEquals(expected, removed);
            assertEquals(List.of(4L, 4L, 4L, 4L, 5L, 5L, 5L, 5L), removed.stream().map(PosMessage::blockHeight).toList());
            assertEquals(chain.get(2), store.tip());
            assertEquals(new HeightStatus(3, 2, 0, chain.get(2).blockHashHex(), 3, 2, 2, 1), store.heightStatus());
            assertFalse(store.hasTx(removed.get(0).txid()));

            // The removed blocks can be stored again, as after a round sync that found ours were right after all.
            store.appendAll(chain.subList(3, 5));
            assertEquals(chain.get(4), store.tip());

            // Round sync: heights 4, 5 and 6 (not stored) listed, 4–5 removed.
            assertEquals(expected, store.deleteHeights(List.of(6L, 5L, 4L)));
            assertEquals(3, store.tip().height());
            assertThrows(IllegalArgumentException.class, () -> store.deleteHeights(List.of(2L)));
            assertThrows(IllegalArgumentException.class, () -> store.deleteHeights(List.of(0L, 1L, 2L, 3L)));
            assertThrows(IllegalArgumentException.class, () -> store.rollbackTo(-1));
            assertEquals(List.of(), store.deleteHeights(List.of(9L)));
            assertEquals(chain.get(2), store.tip());

            assertEquals(chain.get(0).txs().size() + chain.get(1).txs().size() + chain.get(2).txs().size(),
                    store.rollbackTo(0).size());
            assertEquals(new HeightStatus(0, 0, 0, GENESIS_HASH, 0, 0, 0, 1), store.heightStatus());
        }
    }

    @Test
    void reopeningGivesTheSameTipAndStatus() throws Exception {
        List<PosBlock> chain = handBuiltChain();
        HeightStatus status;
        try (ChainStore store = ChainStore.open(file())) {
            store.appendAll(chain);
            status = store.heightStatus();
        }
        try (ChainStore store = ChainStore.open(file())) {
            assertEquals(chain.get(4), store.tip());
            assertEquals(status, store.heightStatus());
            assertEquals(new HeightStatus(5, 3, 5, chain.get(4).blockHashHex(), 4, 2, 2, 2), status);
        }
    }

    @Test
    void anotherNetworksGenesisIsRefused() throws Exception {
        try (ChainStore store = ChainStore.open(file())) {
            store.append(handBuiltChain().get(0));
        }
        PosBlock devnetGenesis = PosBlock.forge(TestChain.key(0), (byte) 0x55, 0, 0, 0, Genesis.TIMESTAMP,
                Genesis.previousHash(), List.of());
        StoreException refused = assertThrows(StoreException.class, () -> ChainStore.open(file(), devnetGenesis));
        assertTrue(refused.getMessage().contains("belongs to another network"), refused.getMessage());
        try (ChainStore store = ChainStore.open(folder.resolve("devnet.db"), devnetGenesis)) {
            assertEquals(devnetGenesis, store.tip());
        }
        try (ChainStore store = ChainStore.openExisting(folder.resolve("devnet.db"))) {
            assertEquals(devnetGenesis, store.tip(), "a tool opens any network's chain as it is");
        }
        assertEquals("no chain database at " + folder.resolve("missing.db"),
                assertThrows(StoreException.class, () -> ChainStore.openExisting(folder.resolve("missing.db"))).getMessage());
        assertFalse(java.nio.file.Files.exists(folder.resolve("missing.db")), "nothing is created");
    }

    @Test
    void blocksFromServesConsecutiveBlocksForCatchUp() throws Exception {
        List<PosBlock> chain = handBuiltChain();
        try (ChainStore store = ChainStore.open(file())) {
            store.appendAll(chain);
            assertEquals(chain.subList(1, 3), store.blocksFrom(2, 2));
            assertEquals(List.of(chain.get(4)), store.blocksFrom(5, 20));
            assertEquals(List.of(), store.blocksFrom(6, 20));
            assertEquals(List.of(Genesis.mainnet(), chain.get(0)), store.blocksFrom(0, 2));
            assertEquals(List.of(), store.blocksFrom(1, 0));
        }
    }

    @Test
    void messagesAreFoundByTxidAndByAddressInTheGetaddtxsOrders() throws Exception {
        List<PosBlock> chain = handBuiltChain();
        try (ChainStore store = ChainStore.open(file())) {
            store.appendAll(chain);
            PosMessage stored = chain.get(2).txs().get(1);
            assertEquals(Optional.of(stored), store.message(stored.txid()));
            assertEquals(3, store.message(stored.txid()).orElseThrow().blockHeight());
            assertEquals(Optional.empty(), store.message(new byte[64]));

            // A1 takes part in txs 1.0 1.2 1.3, 3.1, 4.2 4.3 and all of block 5: height up, timestamp down.
            List<PosMessage> b1 = chain.get(0).txs();
            List<PosMessage> b4 = chain.get(3).txs();
            List<PosMessage> b5 = chain.get(4).txs();
            assertEquals(List.of(b1.get(3), b1.get(2), b1.get(0), chain.get(2).txs().get(1), b4.get(3), b4.get(2),
                    b5.get(3), b5.get(2), b5.get(1), b5.get(0)), store.addressMessages(address(1), 100));
            assertEquals(List.of(b1.get(3), b1.get(2)), store.addressMessages(address(1), 2));
            assertEquals(List.of(b4.get(2), b4.get(3), b5.get(0)), store.addressMessagesFrom(address(1), 4, 3));
            assertEquals(List.of(), store.addressMessagesFrom(address(1), 6, 100));
            assertEquals(List.of(), store.addressMessages("B" + "1".repeat(33), 100));
        }
    }

    @Test
    void aDatabaseOfANewerSchemaOrOfTheReferenceIsNotOpened() throws Exception {
        try (ChainStore store = ChainStore.open(file())) {
            assertEquals(Genesis.mainnet(), store.tip());
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        StoreException newer = assertThrows(StoreException.class, () -> ChainStore.open(file()));
        assertEquals("the chain database has schema version 99 but this node knows only up to 3; use a newer node",
                newer.getMessage());

        Path reference = folder.resolve("reference.db");
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + reference);
             Statement statement = raw.createStatement()) {
            statement.execute("CREATE TABLE pos_chain (height INTEGER PRIMARY KEY, round INTEGER, sir INTEGER,"
                    + " timestamp INTEGER, previous_hash BLOB (20), msg_count INTEGER, uniques_sources INTEGER,"
                    + " signature BLOB (64), block_hash BLOB (20), received_by VARCHAR34, forger VARCHAR (34),"
                    + " UNIQUE (round, sir) ON CONFLICT FAIL)");
        }
        StoreException foreign = assertThrows(StoreException.class, () -> ChainStore.open(reference));
        assertTrue(foreign.getMessage().contains("it is a reference hypernode database"), foreign.getMessage());
    }

    @Test
    void aCorruptRowIsReportedAsATypedError() throws Exception {
        List<PosBlock> chain = handBuiltChain();
        try (ChainStore store = ChainStore.open(file())) {
            store.append(chain.get(0));
            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
                 PreparedStatement insert = raw.prepareStatement("INSERT INTO pos_messages (txid, block_height,"
                         + " position, timestamp, sender, recipient, what, params, value, pubkey, received)"
                         + " VALUES (?, 1, 99, ?, ?, ?, 0, '', 1, ?, 0)")) {
                insert.setBytes(1, HexFormat.of().parseHex("00112233445566778899"));
                insert.setLong(2, T);
                insert.setString(3, address(0));
                insert.setString(4, address(1));
                insert.setBytes(5, TestChain.key(0).publicKey().toBytes());
                insert.executeUpdate();
            }
            CorruptRowException corrupt = assertThrows(CorruptRowException.class, () -> store.block(1));
            assertEquals("pos_messages", corrupt.table());
            assertEquals("txid", corrupt.column());
            assertEquals("corrupt row in pos_messages (txid 00112233445566778899): column txid must be 64 bytes,"
                    + " holds 10", corrupt.getMessage());
            assertThrows(CorruptRowException.class, store::tip);
            assertThrows(CorruptRowException.class, () -> store.rollbackTo(0));
            // The refused rollback changed nothing.
            assertTrue(store.hasTx(chain.get(0).txs().get(0).txid()));
            // Block headers alone stay readable.
            assertEquals(new HeightStatus(1, 1, 0, chain.get(0).blockHashHex(), 0, 0, 0, 0), store.blockInfo(1));
        }
    }

    @Test
    void roundStatsAndSignaturesAreKeptPerRound() throws Exception {
        RoundStats stats = new RoundStats(7, 1000, 2000, 10, 20, 3600, 2, "{\"1.2.3.4:06969\":5}", "[]");
        RoundSignature signature = new RoundSignature(7, new byte[] {1, 2, 3}, address(1), new byte[64]);
        RoundSignature other = new RoundSignature(7, new byte[] {1, 2, 3}, address(0), new byte[64]);
        try (ChainStore store = ChainStore.open(file())) {
            store.saveRoundStats(stats);
            store.saveRoundStats(new RoundStats(7, 1001, 2000, 10, 20, 3600, 2, "{}", "[\"x\"]"));
            store.saveRoundSignature(signature);
            store.saveRoundSignature(other);
        }
        try (ChainStore store = ChainStore.open(file())) {
            assertEquals(Optional.of(new RoundStats(7, 1001, 2000, 10, 20, 3600, 2, "{}", "[\"x\"]")),
                    store.roundStats(7));
            assertEquals(Optional.empty(), store.roundStats(8));
            List<RoundSignature> stored = store.roundSignatures(7);
            List<RoundSignature> expected = new ArrayList<>(List.of(signature, other));
            expected.sort(Comparator.comparing(RoundSignature::forger));
            assertEquals(expected, stored);
            assertTrue(Arrays.equals(new byte[] {1, 2, 3}, stored.get(0).digest()));
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), sql);
            return rows.getString(1);
        }
    }
}
