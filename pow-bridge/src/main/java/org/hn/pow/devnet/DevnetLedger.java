package org.hn.pow.devnet;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hn.pow.address.PowAddress;
import org.hn.pow.ledger.RegistrationRow;
import org.hn.pow.ledger.sqlite.BismuthSchema;
import org.sqlite.SQLiteConfig;

/**
 * A devnet PoW ledger in the exact Bismuth schema ({@code spec/pow.md §2}, {@code DESIGN.md §5}): funded
 * collateral addresses, one registration per local hypernode, then a PoW block every {@code blockInterval}
 * (coinbase, mirror rows at every 10th height), so that a devnet exercises the mainnet code paths (reference
 * block with confirmations, balances, the registration fold).
 *
 * <p>Time is injected: blocks are appended by {@link #appendBlocksUntil(Instant)} up to the given time, with
 * block timestamps on the interval grid. The writer uses WAL journaling, so readers ({@code mode=ro}) never block
 * it and it never blocks them; each block is one transaction. Not thread-safe: one thread appends.
 */
public final class DevnetLedger implements AutoCloseable {

    /** Height of the funding block: the first height the registration scan reads ({@code §5.2}). */
    public static final long FUNDING_HEIGHT = 773_801L;
    /** Collateral sent to every devnet registrar, BIS: weight 3 after the registration fee. */
    public static final BigDecimal COLLATERAL = new BigDecimal("30000.50");

    private final Connection connection;
    private final BlockWriter writer;
    private final String miner;
    private final long blockSeconds;
    private final List<String> collateralAddresses;
    private final List<PowTransaction> queued = new ArrayList<>();
    private long tipHeight;
    private long tipTimestamp;

    private DevnetLedger(Connection connection, String miner, long blockSeconds, List<String> collateralAddresses) {
        this.connection = connection;
        this.writer = new BlockWriter(connection);
        this.miner = miner;
        this.blockSeconds = blockSeconds;
        this.collateralAddresses = List.copyOf(collateralAddresses);
    }

    /**
     * Creates the ledger file and writes its history: at {@code now − history} a block funding one collateral
     * address per hypernode, the next block with their registrations (in list order), then blocks every interval
     * up to {@code now}.
     *
     * @param ledgerFile    must not exist yet
     * @param hypernodes    the local hypernodes, in registration order
     * @param blockInterval time between PoW blocks, whole seconds, at least 1 s
     * @param history       how far before now the history starts; more than two rounds plus 21 blocks makes the
     *                      current round's reference block available at once
     * @param busyTimeout   how long the writer waits for a lock (readers never take one it needs in WAL mode)
     * @param clock         source of "now"
     * @throws SQLException             when the file cannot be created or written
     * @throws IllegalArgumentException when the file exists or a duration is out of range
     */
    public static DevnetLedger create(Path ledgerFile, List<DevnetHypernode> hypernodes, Duration blockInterval,
                                      Duration history, Duration busyTimeout, Clock clock) throws SQLException {
        if (Files.exists(ledgerFile)) {
            throw new IllegalArgumentException("ledger already exists: " + ledgerFile);
        }
        long blockSeconds = blockInterval.getSeconds();
        if (blockSeconds < 1 || blockInterval.getNano() != 0) {
            throw new IllegalArgumentException("block interval must be whole seconds, at least 1: " + blockInterval);
        }
        if (history.compareTo(blockInterval) < 0) {
            throw new IllegalArgumentException("history must cover at least one block interval: " + history);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        Connection connection = config.createConnection("jdbc:sqlite:" + ledgerFile);
        try {
            BismuthSchema.create(connection);
            List<String> collaterals = new ArrayList<>();
            for (int i = 0; i < hypernodes.size(); i++) {
                collaterals.add(devnetAddress("collateral-" + i));
            }
            DevnetLedger ledger = new DevnetLedger(connection, devnetAddress("miner"), blockSeconds, collaterals);
            long now = clock.instant().getEpochSecond();
            long start = now - history.getSeconds();
            ledger.writeHistory(hypernodes, start - Math.floorMod(start, blockSeconds));
            ledger.appendBlocksUntil(Instant.ofEpochSecond(now));
            return ledger;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private void writeHistory(List<DevnetHypernode> hypernodes, long fundingTimestamp) throws SQLException {
        List<PowTransaction> funding = new ArrayList<>();
        BigDecimal fundedAt = BigDecimal.valueOf(fundingTimestamp - 1);
        for (String collateral : collateralAddresses) {
            funding.add(new PowTransaction(PowAddress.DEVELOPMENT, collateral, COLLATERAL, PowTransaction.TRANSFER,
                    "", fundedAt));
        }
        append(FUNDING_HEIGHT, fundingTimestamp, funding);
        long registrationTimestamp = fundingTimestamp + blockSeconds;
        List<PowTransaction> registrations = new ArrayList<>();
        BigDecimal registeredAt = BigDecimal.valueOf(registrationTimestamp - 1);
        for (int i = 0; i < hypernodes.size(); i++) {
            String collateral = collateralAddresses.get(i);
            registrations.add(new PowTransaction(collateral, collateral, BigDecimal.ZERO, RegistrationRow.REGISTER,
                    hypernodes.get(i).registrationOpenfield(collateral), registeredAt));
        }
        append(FUNDING_HEIGHT + 1, registrationTimestamp, registrations);
    }

    /**
     * Queues a transaction for the next appended block (e.g. an unregistration, a collateral withdrawal).
     */
    public void queue(PowTransaction transaction) {
        queued.add(Objects.requireNonNull(transaction, "transaction"));
    }

    /**
     * Appends every block due by {@code now}: one per interval after the tip, with block timestamps on the
     * interval grid. Queued transactions go into the first of them.
     *
     * @return number of blocks appended (0 when none is due)
     * @throws SQLException when a block cannot be written; blocks written before it stay
     */
    public int appendBlocksUntil(Instant now) throws SQLException {
        int appended = 0;
        long seconds = now.getEpochSecond();
        while (tipTimestamp + blockSeconds <= seconds) {
            List<PowTransaction> transactions = List.copyOf(queued);
            append(tipHeight + 1, tipTimestamp + blockSeconds, transactions);
            queued.clear();
            appended++;
        }
        return appended;
    }

    private void append(long height, long timestamp, List<PowTransaction> transactions) throws SQLException {
        writer.appendBlock(height, timestamp, miner, transactions);
        tipHeight = height;
        tipTimestamp = timestamp;
    }

    /** Collateral (registrar) PoW address of each hypernode, in the order given at creation. */
    public List<String> collateralAddresses() {
        return collateralAddresses;
    }

    /** Height of the last appended block. */
    public long tipHeight() {
        return tipHeight;
    }

    /** Block timestamp of the last appended block, unix seconds. */
    public long tipTimestamp() {
        return tipTimestamp;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    // 56 lowercase hex characters: a valid legacy PoW address (§2.5) that nobody holds a key for.
    private static String devnetAddress(String label) {
        return StandInDigest.hex("SHA-224", "devnet-" + label);
    }
}
