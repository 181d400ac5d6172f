package org.hn.node.round;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hn.chain.address.Address;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.chain.testing.TestClock;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.hn.config.Network;
import org.hn.node.forge.Forger;
import org.hn.node.sync.CatchUp;
import org.hn.node.sync.RoundSync;
import org.hn.pow.devnet.DevnetHypernode;
import org.hn.pow.devnet.DevnetLedger;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationFold;
import org.hn.registry.registration.RuleProfile;
import org.hn.registry.round.RoundPlanner;

/**
 * A devnet node for tests: a {@link RoundDriver} over a given chain store and mempool, with a PoW ledger
 * registering test keys 0–3 at {@code 127.0.0.(1+i):(7000+i)}, scripted peers and a clock that stands at
 * {@link #ROUND_START} + 1 until moved. The node is test key 0.
 */
public final class DriverFixture implements AutoCloseable {

    public static final Network NETWORK = Network.DEVNET;
    public static final byte ID = NETWORK.networkId();
    public static final long ROUND = NETWORK.roundAt(1_700_000_000L);
    public static final long ROUND_START = NETWORK.roundStart(ROUND);
    /** The registered hypernodes: test keys 0 to this − 1. */
    public static final int HYPERNODES = 4;

    final TestClock clock = new TestClock(ROUND_START + 1);
    final ScriptedPeers peers = new ScriptedPeers();
    final DevnetLedger ledger;
    final RoundPlanner planner;
    final OwnMessages ownMessages;
    final RoundDriver driver;
    boolean powLate;
    private volatile Runnable onPowCheck = () -> { };

    /** The devnet address of test key {@code key}. */
    /** The fixture's genesis: forged by test key 4 on the devnet id, no messages. */
    public static PosBlock genesis() {
        return PosBlock.forge(TestChain.key(4), ID, 0, 0, 0, Genesis.TIMESTAMP, Genesis.previousHash(), List.of());
    }

    /** An empty mempool as a node of the fixture has it (reference limits, seeded drawing). */
    public static Mempool emptyMempool() {
        return new Mempool(ID, txid -> false, MempoolLimits.DEFAULTS, new SplittableRandom(7));
    }

    public static String address(int key) {
        return Address.fromPublicKey(TestChain.key(key).publicKey(), ID);
    }

    /** @param directory where the PoW ledger file goes */
    public DriverFixture(Path directory, ChainStore store, Mempool mempool) throws Exception {
        this(directory, store, mempool, Tuning.DEFAULTS);
    }

    /**
     * @param directory where the PoW ledger file goes
     * @param tuning    the driver's local parameters
     */
    public DriverFixture(Path directory, ChainStore store, Mempool mempool, Tuning tuning) throws Exception {
        List<DevnetHypernode> hypernodes = new ArrayList<>();
        for (int i = 0; i < HYPERNODES; i++) {
            hypernodes.add(DevnetHypernode.loopback(i, 7000, address(i)));
        }
        Path ledgerFile = directory.resolve("ledger.db");
        ledger = DevnetLedger.create(ledgerFile, hypernodes, Duration.ofSeconds(5), Duration.ofMinutes(30),
                Duration.ofSeconds(5), clock);
        ledger.appendBlocksUntil(clock.instant());
        BlockBans bans = new BlockBans(BlockBans.DEFAULT_TTL_SECONDS);
        RoundSchedules schedules = new RoundSchedules();
        BlockValidator validator = new BlockValidator(ID, schedules, HistoricalExemptions.NONE, bans,
                BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
        planner = new RoundPlanner(NETWORK, new RegistrationCache(
                RegistrationFold.forNetwork(RuleProfile.STRICT, NETWORK, new SqlitePowLedger(ledgerFile)), 4));
        ownMessages = new OwnMessages(TestChain.key(0), ID, address(0), mempool);
        driver = new RoundDriver(new RoundDriver.Parts(NETWORK, clock, address(0), store, mempool,
                new RoundPreparer(planner, store, address(0)), schedules,
                new Forger(TestChain.key(0), ID, store, mempool, validator), validator,
                new CatchUp(store, mempool, validator, peers, 40, Duration.ofSeconds(5)),
                new RoundSync(store, mempool, validator, peers, bans, HistoricalExemptions.NONE, Duration.ofSeconds(5)),
                peers, ownMessages, bans, HistoricalExemptions.NONE,
                now -> {
                    onPowCheck.run();
                    return powLate ? Optional.of("last PoW block 20 min old") : Optional.empty();
                }, tuning,
                new SplittableRandom(1)));
    }

    public RoundDriver driver() {
        return driver;
    }

    /** The node's clock. */
    public Clock clock() {
        return clock;
    }

    /** The clock's time, unix seconds. */
    public long nowSeconds() {
        return clock.millis() / 1000;
    }

    public RoundPlanner planner() {
        return planner;
    }

    /** The driver's own-message signer (key 0). */
    public OwnMessages ownMessages() {
        return ownMessages;
    }

    /** The scripted peer network the driver uses. */
    public PeerNetwork peerNetwork() {
        return peers;
    }

    /** Sets how many peers the scripted network reports connected. */
    public void connected(int count) {
        peers.connected = count;
    }

    /** The heights the scripted outbound peers report, by peer key, in insertion order; the test fills it. */
    public Map<String, HeightStatus> outboundHeights() {
        return peers.outbound;
    }

    /**
     * Runs {@code hook} each time the driver checks its PoW source: at a round change, while the driver is in
     * {@link NodeState#NEWROUND}.
     */
    public void onPowCheck(Runnable hook) {
        onPowCheck = hook;
    }

    /** Moves the clock and mines PoW blocks up to the new time. */
    public void moveTo(long epochSeconds) throws Exception {
        clock.set(epochSeconds);
        ledger.appendBlocksUntil(clock.instant());
    }

    /** The first forging slot of the current round held by {@code address}. */
    public int firstSlotOf(String address) {
        RoundContext context = driver.context().orElseThrow();
        for (int slot = 0; slot < Network.FORGING_SLOTS; slot++) {
            if (context.forgerOf(slot).equals(Optional.of(address))) {
                return slot;
            }
        }
        throw new AssertionError(address + " holds no slot in this round");
    }

    /** Closes the PoW ledger; the caller closes its store. */
    @Override
    public void close() throws Exception {
        ledger.close();
    }
}
