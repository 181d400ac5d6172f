package org.hn.node.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hn.chain.address.Address;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.hn.config.Network;
import org.hn.node.forge.Forger;
import org.hn.node.sync.CatchUp;
import org.hn.node.sync.RoundSync;
import org.hn.pow.devnet.DevnetHypernode;
import org.hn.pow.devnet.DevnetLedger;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.Hypernode;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationFold;
import org.hn.registry.registration.RuleProfile;
import org.hn.registry.round.RoundPlanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundDriverTest {

    private static final Network DEVNET = Network.DEVNET;
    private static final byte ID = DEVNET.networkId();
    private static final long ROUND = DEVNET.roundAt(1_700_000_000L);
    private static final long ROUND_START = DEVNET.roundStart(ROUND);

    @TempDir
    Path directory;

    private final SteppedClock clock = new SteppedClock(ROUND_START + 1);
    private final ScriptedPeers peers = new ScriptedPeers();
    private DevnetLedger ledger;
    private ChainStore store;
    private Mempool mempool;
    private PosBlock genesis;
    private RoundDriver driver;
    private boolean powLate;

    private static String address(int key) {
        return Address.fromPublicKey(TestChain.key(key).publicKey(), ID);
    }

    @BeforeEach
    void startNode() throws Exception {
        List<DevnetHypernode> hypernodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hypernodes.add(DevnetHypernode.loopback(i, 7000, address(i)));
        }
        Path ledgerFile = directory.resolve("ledger.db");
        ledger = DevnetLedger.create(ledgerFile, hypernodes, Duration.ofSeconds(5), Duration.ofMinutes(30),
                Duration.ofSeconds(5), clock);
        ledger.appendBlocksUntil(clock.instant());
        genesis = PosBlock.forge(TestChain.key(4), ID, 0, 0, 0, Genesis.TIMESTAMP, Genesis.previousHash(), List.of());
        store = ChainStore.open(directory.resolve("chain.db"), genesis);
        mempool = new Mempool(ID, txid -> false, MempoolLimits.DEFAULTS, new SplittableRandom(7));
        BlockBans bans = new BlockBans(BlockBans.DEFAULT_TTL_SECONDS);
        RoundSchedules schedules = new RoundSchedules();
        BlockValidator validator = new BlockValidator(ID, schedules, HistoricalExemptions.NONE, bans,
                BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
        PrivateKey key = TestChain.key(0);
        RoundPlanner planner = new RoundPlanner(DEVNET, new RegistrationCache(
                RegistrationFold.forNetwork(RuleProfile.STRICT, DEVNET, new SqlitePowLedger(ledgerFile)), 4));
        driver = new RoundDriver(new RoundDriver.Parts(DEVNET, clock, address(0), store, mempool,
                new RoundPreparer(planner, store, address(0)), schedules, new Forger(key, ID, store, mempool, validator),
                validator, new CatchUp(store, mempool, validator, peers, 40, Duration.ofSeconds(5)),
                new RoundSync(store, mempool, validator, peers, bans, HistoricalExemptions.NONE, Duration.ofSeconds(5)),
                peers, new OwnMessages(key, ID, address(0), mempool), bans, HistoricalExemptions.NONE,
                now -> powLate ? Optional.of("last PoW block 20 min old") : Optional.empty(), Tuning.DEFAULTS,
                new SplittableRandom(1)));
    }

    @AfterEach
    void stopNode() throws Exception {
        store.close();
        ledger.close();
    }

    private void moveTo(long epochSeconds) throws Exception {
        clock.set(epochSeconds);
        ledger.appendBlocksUntil(clock.instant());
    }

    private int firstSlotOf(String address) {
        RoundContext context = driver.context().orElseThrow();
        for (int slot = 0; slot < Network.FORGING_SLOTS; slot++) {
            if (context.forgerOf(slot).equals(Optional.of(address))) {
                return slot;
            }
        }
        throw new AssertionError(address + " holds no slot in this round");
    }

    private List<PosMessage> messagesFrom(int key, int count) throws Exception {
        List<PosMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(PosMessage.sign(TestChain.key(key), ID, clock.millis() / 1000 - i, address(key), 202, "START",
                    ROUND));
        }
        return messages;
    }

    @Test
    void startsWithFewConnectionsThenForgesInItsSlotAndPushesToEveryOtherHypernode() throws Exception {
        driver.start();
        assertEquals(ROUND, driver.context().orElseThrow().round());
        assertTrue(mempool.size() >= 1, "our START message");
        driver.tick();
        assertEquals(NodeState.START, driver.state(), "no connection yet");
        peers.connected = 3;
        driver.tick();
        assertEquals(NodeState.SYNCING, driver.state());
        assertEquals(3, peers.connectTo.size());

        int slot = firstSlotOf(address(0));
        mempool.digest(messagesFrom(1, 3), clock.millis() / 1000);
        for (String peer : List.of("127.0.0.2:07001", "127.0.0.3:07002", "127.0.0.4:07003")) {
            peers.outbound.put(peer, store.heightStatus());
        }
        moveTo(ROUND_START + slot * 6L + 2);
        driver.tick();
        driver.tick();

        assertEquals(1, peers.pushed.size(), "forged once in the slot");
        PosBlock block = peers.pushed.get(0);
        assertEquals(1, block.height());
        assertEquals(ROUND, block.round());
        assertEquals(slot, block.sir());
        assertEquals(address(0), block.forger());
        assertEquals(block, store.tip());
        assertEquals(List.of(address(1), address(2), address(3)),
                peers.pushRecipients.get(0).stream().map(Hypernode::posAddress).toList(), "every other, registry order");
        assertEquals(1, driver.forgedCount());
        assertEquals(NodeState.SYNCING, driver.state());
        driver.tick();
        assertEquals(1, peers.pushed.size(), "no second block in the same slot");
    }

    @Test
    void waitsForALatePowSourceAndRecovers() throws Exception {
        powLate = true;
        driver.start();
        assertEquals(NodeState.POW_NOT_SYNC, driver.state());
        assertTrue(driver.context().isEmpty());
        driver.tick();
        assertEquals(NodeState.POW_NOT_SYNC, driver.state());
        powLate = false;
        driver.tick();
        assertEquals(ROUND, driver.context().orElseThrow().round());
        assertEquals(NodeState.START, driver.state(), "round known, no connection yet");
        assertEquals(0, driver.roundsCompleted());
        moveTo(DEVNET.roundStart(ROUND + 1) + 1);
        driver.tick();
        assertEquals(ROUND + 1, driver.context().orElseThrow().round());
        assertEquals(1, driver.roundsCompleted());
    }

    @Test
    void acceptsAPushedBlockOnlyFromTheSlotsForger() throws Exception {
        driver.start();
        peers.connected = 3;
        driver.tick();
        int slot = firstSlotOf(address(1));
        moveTo(ROUND_START + slot * 6L + 1);
        driver.tick();
        assertEquals(NodeState.SYNCING, driver.state());
        List<PosMessage> txs = new ArrayList<>(messagesFrom(1, 2));
        txs.addAll(messagesFrom(2, 2));
        PosBlock block = PosBlock.forge(TestChain.key(1), ID, 1, ROUND, slot, clock.millis() / 1000,
                genesis.blockHash(), txs);

        assertEquals(Optional.of("sender 127.0.0.9 is not a registered hypernode"),
                driver.acceptPushedBlock(block, "127.0.0.9"));
        assertEquals(Optional.of("sender 127.0.0.3 is not the forger of slot " + slot),
                driver.acceptPushedBlock(block, "127.0.0.3"));
        assertEquals(Optional.empty(), driver.acceptPushedBlock(block, "127.0.0.2"));
        assertEquals(block, store.tip());
        assertTrue(driver.acceptPushedBlock(block, "127.0.0.2").orElseThrow().startsWith("WRONG_HEIGHT"),
                "the same block twice");
    }
}
