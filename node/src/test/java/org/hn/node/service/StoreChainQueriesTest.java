package org.hn.node.service;

import static org.hn.node.round.DriverFixture.ROUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.message.PosMessage;
import org.hn.node.server.ChainQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreChainQueriesTest {

    @TempDir
    Path directory;

    private ServicesNode node;
    private ChainQueries chain;
    private PosBlock genesis;
    private PosBlock b1;
    private PosBlock b2;
    private PosBlock b3;

    @BeforeEach
    void open() throws Exception {
        node = new ServicesNode(directory);
        chain = node.services.chain();
        genesis = node.blocks.get(0);
        b1 = node.blocks.get(1);
        b2 = node.blocks.get(2);
        b3 = node.blocks.get(3);
    }

    @AfterEach
    void close() throws Exception {
        node.close();
    }

    @Test
    void tipAndBlockInfoFollowTheChainMetrics() {
        assertEquals(Genesis.mainnet(), genesis);
        // Hprev = 1: senders {A1 A2}, forger {A1}; round R−1 = blocks 2–3: senders {A1 A3 A2 A0}, forgers {A2 A1}.
        assertEquals(new HeightStatus(3, ROUND - 1, 5, b3.blockHashHex(), 2, 4, 1, 2), chain.tip());
        assertEquals(Optional.of(new HeightStatus(2, ROUND - 1, 3, b2.blockHashHex(), 2, 0, 1, 0)), chain.blockInfo(2));
        assertEquals(Optional.of(new HeightStatus(1, ROUND - 2, 0, b1.blockHashHex(), 0, 0, 0, 0)), chain.blockInfo(1));
        assertEquals(Optional.empty(), chain.blockInfo(4));
    }

    @Test
    void blocksAreServedByHeightAndRoundWithTheirTxs() {
        assertEquals(List.of(genesis, b1), chain.blocksFrom(0), "BLOCK_SYNC_COUNT = 2");
        assertEquals(List.of(b2, b3), chain.blocksFrom(2));
        assertEquals(List.of(b3), chain.blocksFrom(3));
        assertEquals(List.of(), chain.blocksFrom(4));
        assertEquals(List.of(b2, b3), chain.roundBlocks(ROUND - 1));
        assertEquals(List.of(), chain.roundBlocks(ROUND));
        assertEquals(Optional.of(b2), chain.block(2));
        assertEquals(4, chain.block(2).orElseThrow().txs().size());
        assertEquals(Optional.empty(), chain.block(4));
    }

    @Test
    void txsAreFoundByTxidAndByAddress() {
        PosMessage wanted = b2.txs().get(1);
        assertEquals(Optional.of(wanted), chain.tx(wanted.txid()));
        assertEquals(2, chain.tx(wanted.txid()).orElseThrow().blockHeight());
        assertEquals(Optional.empty(), chain.tx(new byte[64]));
        // A2 is in txs 1.1 1.2 1.3 and 2.2 2.3: height up, then timestamp down.
        String a2 = ServicesNode.address(2);
        assertEquals(List.of(b1.txs().get(3), b1.txs().get(2), b1.txs().get(1), b2.txs().get(3), b2.txs().get(2)),
                chain.addressTxs(a2));
        assertEquals(List.of(b2.txs().get(2), b2.txs().get(3)), chain.addressTxsFrom(a2, 2));
        assertEquals(List.of(), chain.addressTxsFrom(a2, 3));
    }

    @Test
    void headersAreTheLatestNewestFirstOrARangeAscending() {
        assertEquals(List.of(b3, b2), chain.latestHeaders(2));
        assertEquals(List.of(b3, b2, b1, genesis), chain.latestHeaders(20));
        assertEquals(List.of(), chain.latestHeaders(0));
        assertEquals(List.of(b1, b2), chain.headersFrom(1, 2));
        assertEquals(List.of(b3), chain.headersFrom(3, 5));
        assertEquals(List.of(), chain.headersFrom(9, 5));
    }

    @Test
    void aStoredBlockWhoseTxsDoNotMatchItsMsgCountIsNotServed() throws Exception {
        PosBlock lying = new PosBlock(4, ROUND - 1, 7, b3.timestamp() + 12, b3.blockHash(), 5, 2, new byte[64], new byte[20],
                "", ServicesNode.address(2), List.of(ServicesNode.tx(b3.timestamp() + 12, 2, 2, 0, "", 1).atHeight(4)));
        node.store.append(lying);
        IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> chain.blocksFrom(4));
        assertEquals("stored block 4 has 1 txs but msg_count 5", refusal.getMessage());
        assertThrows(IllegalStateException.class, () -> chain.roundBlocks(ROUND - 1));
        assertEquals(List.of(lying), chain.latestHeaders(1), "headers carry no txs, so they are still served");
    }
}
