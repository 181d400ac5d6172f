package org.hn.node.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's counters the metrics read: forged blocks and missed slots. */
class DriverCountersTest {

    private static final byte ID = DriverFixture.ID;
    private static final long ROUND = DriverFixture.ROUND;
    private static final long ROUND_START = DriverFixture.ROUND_START;

    @TempDir
    Path directory;

    private DriverFixture node;
    private ChainStore store;
    private Mempool mempool;
    private RoundDriver driver;

    @BeforeEach
    void startNode() throws Exception {
        store = ChainStore.open(directory.resolve("chain.db"), DriverFixture.genesis());
        mempool = DriverFixture.emptyMempool();
        node = new DriverFixture(directory, store, mempool);
        driver = node.driver();
        driver.start();
    }

    @AfterEach
    void stopNode() throws Exception {
        store.close();
        node.close();
    }

    /** Our slots of the round, in order. */
    private List<Integer> ourSlots() {
        RoundContext context = driver.context().orElseThrow();
        List<Integer> slots = new ArrayList<>();
        for (int slot = 0; slot < org.hn.config.Network.FORGING_SLOTS; slot++) {
            if (context.forgerOf(slot).filter(DriverFixture.address(0)::equals).isPresent()) {
                slots.add(slot);
            }
        }
        return slots;
    }

    private long slotStart(int slot) {
        return ROUND_START + slot * 6L;
    }

    @Test
    void aSlotOfOursWithoutConnectedPeersIsMissedOnceWhenTheNextSlotBegins() throws Exception {
        int ours = ourSlots().get(0);
        node.connected(0);
        node.moveTo(slotStart(ours) + 2);
        driver.tick();
        driver.tick();
        assertEquals(0, driver.missedSlotCount(), "missed only once the slot is over");
        node.moveTo(slotStart(ours + 1) + 1);
        driver.tick();
        driver.tick();
        assertEquals(1, driver.missedSlotCount());
        assertEquals(0, driver.forgedCount());
        node.moveTo(slotStart(ours + 2) + 1);
        driver.tick();
        assertEquals(1, driver.missedSlotCount(), "a slot of another forger is not ours to miss");
    }

    @Test
    void aSlotWeForgedInIsNotMissed() throws Exception {
        int ours = ourSlots().get(0);
        node.connected(3);
        driver.tick();
        List<PosMessage> messages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            messages.add(PosMessage.sign(TestChain.key(1), ID, node.nowSeconds() - i, DriverFixture.address(1), 202,
                    "START", ROUND));
        }
        mempool.digest(messages, node.nowSeconds());
        for (String peer : List.of("127.0.0.2:07001", "127.0.0.3:07002", "127.0.0.4:07003")) {
            node.outboundHeights().put(peer, store.heightStatus());
        }
        node.moveTo(slotStart(ours) + 2);
        driver.tick();
        driver.tick();
        assertEquals(1, driver.forgedCount());
        node.moveTo(slotStart(ours + 1) + 1);
        driver.tick();
        assertEquals(0, driver.missedSlotCount());
    }
}
