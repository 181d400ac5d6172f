package org.hn.chain.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.message.PosMessage;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The chain database: blocks and their messages in SQLite, with the reference's table layout
 * ({@code spec/chain.md §7.1}) plus our per-round tables ({@code DESIGN.md §6}).
 *
 * <p>Durability: WAL journal with {@code synchronous=NORMAL}. In WAL mode NORMAL never leaves the database
 * inconsistent: a {@code kill -9} loses nothing committed, and a power cut can at worst roll back the last
 * commits, which are blocks a node re-fetches from its peers on catch-up. FULL would add an fsync per block,
 * wearing SD cards (the Raspberry Pi target) for no gain in consistency.
 *
 * <p>Concurrency: every change goes through one writer connection, serialised by this store, in one
 * {@code BEGIN IMMEDIATE} transaction; readers use a small pool of query-only connections and read inside a
 * transaction, so a block and its messages always come from the same snapshot. Safe for use by many threads.
 * One store per database file per process.
 *
 * <p>Invariants kept: heights are contiguous from the genesis at 0 and each block's previous
 * hash is the block hash below it; a txid appears once in the whole chain;
 * one block per (round, sir); the messages of a block come back in exactly the order they were appended
 * (§5.3).
 */
public final class ChainStore implements AutoCloseable {

    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int READERS = 4;
    /**
     * Page cache of the writer connection, in KiB (SQLite's default is 2,000): holds the {@code txid_head} index of
     * a chain of about 1.2 million messages, whose pages storing touches at random.
     */
    private static final int WRITER_CACHE_KIB = 32 * 1024;
    private static final int CHECKPOINT_PAGES = 8192;
    private static final long WAL_LIMIT_BYTES = 64L * 1024 * 1024;
    private static final HexFormat HEX = HexFormat.of();
    private static final String PROCESS_STARTS = "process_starts";
    private static final HeightStatus UNKNOWN_BLOCK = new HeightStatus(0, 0, 0, "", 0, 0, 0, 0);

    private static final String INSERT_BLOCK = "INSERT INTO pos_chain (" + StoredRows.BLOCK_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * Finds a message by txid through the {@code txid_head} index (schema migration 3): bind the txid's first
     * {@value #TXID_HEAD_LENGTH} bytes ({@link #txidHead}), then the whole txid.
     */
    private static final String BY_TXID = "substr(txid, 1, 8) = ? AND txid = ?";
    private static final int TXID_HEAD_LENGTH = 8;
    /** Txid heads looked up by one query when a block's txids are checked. */
    private static final int HEADS_PER_QUERY = 100;
    private static final String STORED_TXIDS = "SELECT txid, block_height FROM pos_messages"
            + " WHERE substr(txid, 1, 8) IN (" + String.join(", ", Collections.nCopies(HEADS_PER_QUERY, "?")) + ")";
    private static final String INSERT_MESSAGE = "INSERT INTO pos_messages (position, " + StoredRows.MESSAGE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<String, PreparedStatement> insertStatements = new HashMap<>();
    private final HikariDataSource readers;
    private final Object statusLock = new Object();
    private HeightStatus cachedStatus;
    private long chainVersion;
    private volatile PastRounds lastPastRounds;

    private ChainStore(Connection writer, HikariDataSource readers) {
        this.writer = writer;
        this.readers = readers;
    }

    /**
     * Opens the mainnet chain database, creating or migrating it, and inserts the mainnet genesis
     * ({@code spec/chain.md §5.4}) when the chain is empty.
     *
     * @throws StoreException when the file cannot be opened or migrated, or holds another genesis
     */
    public static ChainStore open(Path file) throws StoreException {
        return open(file, Genesis.mainnet());
    }

    /**
     * Opens a chain database whose first block is {@code genesis} (a devnet's own genesis), creating or
     * migrating it and inserting the genesis when the chain is empty.
     *
     * @param genesis the block at height 0 of this network
     * @throws StoreException when the file cannot be opened or migrated, or its block 0 is another genesis
     * @throws IllegalArgumentException when {@code genesis} is not at height 0
     */
    public static ChainStore open(Path file, PosBlock genesis) throws StoreException {
        if (genesis.height() != 0) {
            throw new IllegalArgumentException("a genesis block is at height 0, got " + genesis.height());
        }
        return open(file, Optional.of(genesis));
    }

    /**
     * Opens an existing chain database as it is, whatever its network, for tools that read a node's chain.
     *
     * @throws StoreException when there is no database at {@code file}, it cannot be opened or migrated, or it
     *                        holds no genesis block
     */
    public static ChainStore openExisting(Path file) throws StoreException {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("no chain database at " + file);
        }
        return open(file, Optional.empty());
    }

    private static ChainStore open(Path file, Optional<PosBlock> genesis) throws StoreException {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Connection writer;
        try {
            writer = writerConfig().createConnection(url);
        } catch (SQLException e) {
            throw new StoreException("cannot open the chain database " + file + ": " + e.getMessage(), e);
        }
        try {
            checkpointLater(writer);
        } catch (SQLException e) {
            closeQuietly(writer);
            throw new StoreException("cannot set up the chain database " + file + ": " + e.getMessage(), e);
        }
        HikariDataSource readers;
        try {
            SchemaMigrations.migrate(writer);
            readers = readerPool(url);
        } catch (StoreException e) {
            closeQuietly(writer);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw new StoreException("cannot open readers of the chain database " + file + ": " + e.getMessage(), e);
        }
        ChainStore store = new ChainStore(writer, readers);
        try {
            store.ensureGenesis(genesis);
            return store;
        } catch (StoreException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static SQLiteConfig writerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setCacheSize(-WRITER_CACHE_KIB);
        return config;
    }

    /**
     * Lets the WAL grow to {@value #CHECKPOINT_PAGES} pages before SQLite copies it back into the database (the
     * default is 1,000): a page changed by several commits in between is then copied once. Catch-up changes a
     * random page of the {@code txid_head} index for nearly every message it stores, so most commits changed the
     * same pages as the one before (docs/benchmarks.md, issue 9, third round). The WAL file is cut back to
     * {@value #WAL_LIMIT_BYTES} bytes after a checkpoint.
     */
    private static void checkpointLater(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = " + CHECKPOINT_PAGES);
            statement.execute("PRAGMA journal_size_limit = " + WAL_LIMIT_BYTES);
        }
    }

    private static HikariDataSource readerPool(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(source);
        pool.setPoolName("chain-readers");
        pool.setMaximumPoolSize(READERS);
        pool.setMinimumIdle(1);
        // Readers must never write behind the writer's back.
        pool.setConnectionInitSql("PRAGMA query_only = 1");
        return new HikariDataSource(pool);
    }

    private void ensureGenesis(Optional<PosBlock> expected) throws StoreException {
        Optional<PosBlock> stored = block(0);
        if (expected.isEmpty()) {
            if (stored.isEmpty()) {
                throw new StoreException("the chain database holds no genesis block");
            }
            return;
        }
        PosBlock genesis = expected.get();
        if (stored.isEmpty()) {
            append(genesis);
        } else if (!isSameGenesis(stored.get(), genesis)) {
            throw new StoreException("the chain database starts with genesis " + stored.get().blockHashHex()
                    + " forged by " + stored.get().forger() + ", not " + genesis.blockHashHex() + " forged by "
                    + genesis.forger() + ": it belongs to another network");
        }
    }

    /** Genesis hashes alone do not tell networks apart: the hash buffer has no forger and no network id. */
    private static boolean isSameGenesis(PosBlock stored, PosBlock genesis) {
        return Arrays.equals(stored.blockHash(), genesis.blockHash()) && stored.forger().equals(genesis.forger())
                && Arrays.equals(stored.signature(), genesis.signature());
    }

    // ---------------------------------------------------------------------------------------------- reads

    /** The block with the greatest height, with its messages in block order. */
    public PosBlock tip() throws StoreException {
        return read(connection -> {
            long height = tipHeight(connection);
            return readBlock(connection, height).orElseThrow();
        });
    }

    /**
     * The block at {@code height} with its messages in block order, or empty when there is none.
     *
     * @throws CorruptRowException when a stored row of that block is malformed
     */
    public Optional<PosBlock> block(long height) throws StoreException {
        return read(connection -> readBlock(connection, height));
    }

    /** The blocks of one round in height order, each with its messages in block order (roundblocks, §10.3). */
    public List<PosBlock> blocksOfRound(long round) throws StoreException {
        return read(connection -> readBlocks(connection, "round = ?", round));
    }

    /**
     * The block with the greatest height among those of rounds before {@code round}: its hash is the reference
     * hash of {@code round}'s schedule ({@code spec/rounds.md §7.2} step 13, with the fix of §11 item 1).
     * Empty only when no block precedes the round, e.g. before genesis.
     */
    public Optional<PosBlock> lastBlockBefore(long round) throws StoreException {
        return read(connection -> readBlocks(connection,
                "height = (SELECT MAX(height) FROM pos_chain WHERE round < ?)", round).stream().findFirst());
    }

    /**
     * Up to {@code maxBlocks} consecutive blocks starting at {@code firstHeight}, each with its messages in
     * block order (a {@code blocksync} answer, {@code spec/wire.md §4.9}); empty above the tip.
     */
    public List<PosBlock> blocksFrom(long firstHeight, int maxBlocks) throws StoreException {
        return read(connection -> readBlocks(connection, "height BETWEEN ? AND ?", firstHeight,
                firstHeight + Math.max(0, maxBlocks) - 1));
    }

    /** Whether a message with this txid is stored in any block (§8.2 step c). */
    public boolean hasTx(byte[] txid) throws StoreException {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pos_messages WHERE " + BY_TXID)) {
                query.setBytes(1, txidHead(txid));
                query.setBytes(2, txid);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** The stored message with this txid (its raw signature bytes), with its block height ({@code gettx}). */
    public Optional<PosMessage> message(byte[] txid) throws StoreException {
        return read(connection -> readMessages(connection, BY_TXID, "", txidHead(txid), txid).stream().findFirst());
    }

    /**
     * Messages sent or received by an address in the reference's {@code getaddtxs} order: block height
     * ascending, then timestamp descending ({@code spec/wire.md §4.12}, the oldest ones first).
     *
     * @param limit at most this many, ≥ 0
     */
    public List<PosMessage> addressMessages(String address, int limit) throws StoreException {
        return read(connection -> readMessages(connection, "(sender = ? OR recipient = ?)",
                " ORDER BY block_height, timestamp DESC, position LIMIT ?", address, address, limit));
    }

    /**
     * Messages sent or received by an address in blocks at {@code fromHeight} or above, by block height then
     * timestamp ascending ({@code spec/wire.md §4.12} with a height).
     *
     * @param limit at most this many, ≥ 0
     */
    public List<PosMessage> addressMessagesFrom(String address, long fromHeight, int limit) throws StoreException {
        return read(connection -> readMessages(connection, "(sender = ? OR recipient = ?) AND block_height >= ?",
                " ORDER BY block_height, timestamp, position LIMIT ?", address, address, fromHeight, limit));
    }

    /**
     * The chain's height status ({@code spec/chain.md §9.1}): the tip's height, round, sir and hash; distinct
     * senders and forgers over blocks 1 … the last block before the tip round; distinct senders and forgers of
     * the tip round. With only a genesis: all zero except {@code forgersRound = 1}. Cached until the chain
     * changes.
     */
    public HeightStatus heightStatus() throws StoreException {
        long version;
        synchronized (statusLock) {
            if (cachedStatus != null) {
                return cachedStatus;
            }
            version = chainVersion;
        }
        HeightStatus status = read(this::computeHeightStatus);
        synchronized (statusLock) {
            // A change committed while we computed makes this result stale: return it, but do not keep it.
            if (chainVersion == version) {
                cachedStatus = status;
            }
        }
        return status;
    }

    /**
     * The metrics of block {@code height} ({@code spec/chain.md §9.2}): its height, round, sir and hash;
     * {@code uniques} and {@code forgers} as of the start of its round; {@code uniquesRound = forgersRound = 0}.
     * An unknown height gives all zero and an empty hash.
     */
    public HeightStatus blockInfo(long height) throws StoreException {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT round, sir, block_hash FROM pos_chain WHERE height = ?")) {
                query.setLong(1, height);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return UNKNOWN_BLOCK;
                    }
                    long round = rows.getLong(1);
                    PastRounds past = pastRounds(connection, lastHeightBeforeRound(connection, round));
                    return new HeightStatus(height, round, rows.getInt(2), HEX.formatHex(rows.getBytes(3)),
                            past.uniques(), 0, past.forgers(), 0);
                }
            }
        });
    }

    /**
     * Activity of hypernodes over the rounds {@code firstRound … lastRound} inclusive
     * ({@code spec/chain.md §9.4}); all maps empty when the range has no block.
     */
    public ActivityMetrics activity(long firstRound, long lastRound) throws StoreException {
        return read(connection -> {
            Optional<long[]> span = heightSpan(connection, firstRound, lastRound);
            Map<String, Long> forged = countPerAddress(connection,
                    "SELECT forger, COUNT(*) FROM pos_chain WHERE round BETWEEN ? AND ? GROUP BY forger",
                    firstRound, lastRound);
            if (span.isEmpty()) {
                return new ActivityMetrics(forged, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
            }
            long low = span.get()[0];
            long high = span.get()[1];
            String inSpan = " FROM pos_messages WHERE block_height BETWEEN ? AND ?";
            Map<String, Long> koActions = new HashMap<>(countPerAddress(connection,
                    "SELECT recipient, COUNT(DISTINCT sender)" + inSpan + " AND what = ? GROUP BY recipient",
                    low, high, 101));
            countPerAddress(connection,
                    "SELECT sender, COUNT(DISTINCT recipient)" + inSpan + " AND what = ? GROUP BY sender",
                    low, high, 101).forEach((address, count) -> koActions.merge(address, count, Long::sum));
            return new ActivityMetrics(forged,
                    countPerAddress(connection, "SELECT sender, COUNT(*)" + inSpan + " GROUP BY sender", low, high),
                    countPerAddress(connection, "SELECT recipient, COUNT(*)" + inSpan + " AND what = ? GROUP BY recipient",
                            low, high, 200),
                    countPerAddress(connection, "SELECT sender, COUNT(*)" + inSpan
                            + " AND what = ? AND params = ? GROUP BY sender", low, high, 202, "START"),
                    countPerAddress(connection, "SELECT sender, COUNT(*)" + inSpan + " AND what = ? GROUP BY sender",
                            low, high, 201),
                    countPerAddress(connection, "SELECT sender, COUNT(*)" + inSpan
                            + " AND what = ? AND params <> ? GROUP BY sender", low, high, 202, "START"),
                    countPerAddress(connection, "SELECT sender, COUNT(*)" + inSpan + " AND what = ? GROUP BY sender",
                            low, high, 204),
                    koActions);
        });
    }

    /**
     * The active hypernodes of the rounds {@code firstRound … lastRound}: distinct forgers of their blocks and
     * distinct senders of the messages in those blocks' height span ({@code spec/chain.md §9.4},
     * {@code spec/rounds.md §5.4}), sorted; empty when the range has no block.
     */
    public Set<String> activeHypernodes(long firstRound, long lastRound) throws StoreException {
        return read(connection -> {
            Set<String> active = new TreeSet<>();
            Optional<long[]> span = heightSpan(connection, firstRound, lastRound);
            if (span.isEmpty()) {
                return active;
            }
            active.addAll(countPerAddress(connection,
                    "SELECT forger, COUNT(*) FROM pos_chain WHERE round BETWEEN ? AND ? GROUP BY forger",
                    firstRound, lastRound).keySet());
            active.addAll(countPerAddress(connection,
                    "SELECT sender, COUNT(*) FROM pos_messages WHERE block_height BETWEEN ? AND ? GROUP BY sender",
                    span.get()[0], span.get()[1]).keySet());
            return active;
        });
    }

    /** This node's stats of one round, if recorded. */
    public Optional<RoundStats> roundStats(long round) throws StoreException {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT round, bytes_sent, bytes_received,"
                    + " messages_sent, messages_received, uptime_seconds, restarts, peer_heights, late_peers"
                    + " FROM round_stats WHERE round = ?")) {
                query.setLong(1, round);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new RoundStats(rows.getLong(1), rows.getLong(2), rows.getLong(3),
                            rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getString(8),
                            rows.getString(9)));
                }
            }
        });
    }

    /** The schedule this node computed for one round, if recorded. */
    public Optional<RoundRecord> round(long round) throws StoreException {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT round, active_hns, slots, test_slots FROM pos_rounds WHERE round = ?")) {
                query.setLong(1, round);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new RoundRecord(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4)));
                }
            }
        });
    }

    /** How many times a node process started on this database, as counted by {@link #countProcessStart()}. */
    public long processStarts() throws StoreException {
        return read(connection -> singleLong(connection,
                "SELECT COALESCE(MAX(value), 0) FROM node_meta WHERE name = ?", PROCESS_STARTS));
    }

    /** The round signatures collected for one round, ordered by forger address. */
    public List<RoundSignature> roundSignatures(long round) throws StoreException {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT round, digest, forger, signature FROM round_signatures WHERE round = ? ORDER BY forger")) {
                query.setLong(1, round);
                List<RoundSignature> signatures = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        signatures.add(new RoundSignature(rows.getLong(1), rows.getBytes(2), rows.getString(3),
                                rows.getBytes(4)));
                    }
                }
                return signatures;
            }
        });
    }

    // --------------------------------------------------------------------------------------------- writes

    /**
     * Stores a block and its messages in one transaction, the messages at the block's height in exactly the
     * given order (§5.3, §6.2 step 8). The block is expected to be validated already; the store only refuses
     * what would break its invariants, and then writes nothing.
     *
     * @throws ChainConflictException {@link ChainConflict#NOT_NEXT_HEIGHT}, {@link ChainConflict#NOT_LINKED},
     *         {@link ChainConflict#DUPLICATE_TXID},
     *         {@link ChainConflict#DUPLICATE_TXID_IN_BLOCK}, {@link ChainConflict#DUPLICATE_ROUND_SIR} or
     *         {@link ChainConflict#MALFORMED}, naming the conflicting value
     */
    public void append(PosBlock block) throws StoreException {
        write(connection -> {
            insertBlock(connection, block);
            return null;
        });
    }

    /**
     * Stores consecutive blocks in one transaction (catch-up): all are stored or, on the first conflict, none.
     *
     * @throws ChainConflictException as {@link #append}, for the first block that conflicts
     */
    public void appendAll(List<PosBlock> blocks) throws StoreException {
        write(connection -> {
            for (PosBlock block : blocks) {
                insertBlock(connection, block);
            }
            return null;
        });
    }

    /**
     * Removes every block above {@code height} and its messages, in one transaction ({@code spec/chain.md
     * §11.1}; the depth limit of §11.3 is the caller's policy).
     *
     * @param height the height that becomes the tip; 0 keeps only the genesis
     * @return the removed messages in chain order, still carrying their block height, so the caller can
     *         re-inject the ones still valid into the mempool
     * @throws IllegalArgumentException when {@code height} is negative (the genesis is never removed)
     */
    public List<PosMessage> rollbackTo(long height) throws StoreException {
        if (height < 0) {
            throw new IllegalArgumentException("the genesis block is never rolled back; height " + height);
        }
        return write(connection -> deleteAbove(connection, height));
    }

    /**
     * Removes the blocks at the listed heights and their messages, in one transaction (round sync,
     * {@code spec/chain.md §11.2}). Heights not stored are ignored; the stored ones must form the top of the
     * chain, so no gap is left.
     *
     * @return the removed messages in chain order, with their block height
     * @throws IllegalArgumentException when the list holds height 0 or removing it would leave a gap
     */
    public List<PosMessage> deleteHeights(Collection<Long> heights) throws StoreException {
        if (heights.contains(0L)) {
            throw new IllegalArgumentException("the genesis block is never deleted");
        }
        Set<Long> listed = new HashSet<>(heights);
        return write(connection -> {
            long tip = tipHeight(connection);
            long lowest = listed.stream().filter(h -> h > 0 && h <= tip).mapToLong(Long::longValue).min().orElse(tip + 1);
            for (long h = lowest; h <= tip; h++) {
                if (!listed.contains(h)) {
                    throw new IllegalArgumentException("deleting heights " + new TreeSet<>(heights)
                            + " would leave a gap: height " + h + " is stored above " + lowest + " but not listed");
                }
            }
            return deleteAbove(connection, lowest - 1);
        });
    }

    /** Records this node's stats of a round, replacing earlier ones for that round. */
    public void saveRoundStats(RoundStats stats) throws StoreException {
        saveRoundEnd(stats, Optional.empty());
    }

    /**
     * Records what a node keeps at the end of a round in one transaction: its stats of the round and, when it
     * forged in the round, its round signature; each replaces an earlier record of the same key.
     */
    public void saveRoundEnd(RoundStats stats, Optional<RoundSignature> signature) throws StoreException {
        write(connection -> {
            execute(connection, "INSERT OR REPLACE INTO round_stats (round, bytes_sent, bytes_received,"
                    + " messages_sent, messages_received, uptime_seconds, restarts, peer_heights, late_peers)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", stats.round(), stats.bytesSent(), stats.bytesReceived(),
                    stats.messagesSent(), stats.messagesReceived(), stats.uptimeSeconds(), stats.restarts(),
                    stats.peerHeights(), stats.latePeers());
            if (signature.isPresent()) {
                insertRoundSignature(connection, signature.get());
            }
            return null;
        });
    }

    /** Records this node's schedule of a round, replacing an earlier one for that round (a recomputed round). */
    public void saveRound(RoundRecord record) throws StoreException {
        writeRoundData("INSERT OR REPLACE INTO pos_rounds (round, active_hns, slots, test_slots) VALUES (?, ?, ?, ?)",
                record.round(), record.activeHypernodes(), record.slots(), record.testSlots());
    }

    /**
     * Counts one more start of a node process on this database, in one transaction.
     *
     * @return the starts counted so far, this one included (1 on a fresh database)
     */
    public long countProcessStart() throws StoreException {
        return write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO node_meta (name, value)"
                    + " VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1")) {
                statement.setString(1, PROCESS_STARTS);
                statement.executeUpdate();
            }
            return singleLong(connection, "SELECT value FROM node_meta WHERE name = ?", PROCESS_STARTS);
        });
    }

    /** Records a forger's round signature, replacing an earlier one of the same forger for that round. */
    public void saveRoundSignature(RoundSignature signature) throws StoreException {
        write(connection -> {
            insertRoundSignature(connection, signature);
            return null;
        });
    }

    /** Closes the reader pool and the writer connection. */
    @Override
    public void close() {
        readers.close();
        closeQuietly(writer);
    }

    // ------------------------------------------------------------------------------------------ internals

    private void insertBlock(Connection connection, PosBlock block) throws SQLException, StoreException {
        requireWellFormed(block);
        long expected = 0;
        byte[] tipHash = null;
        try (ResultSet rows = insertStatement(connection,
                "SELECT height, block_hash FROM pos_chain ORDER BY height DESC LIMIT 1").executeQuery()) {
            if (rows.next()) {
                expected = rows.getLong(1) + 1;
                tipHash = rows.getBytes(2);
            }
        }
        if (block.height() != expected) {
            throw new ChainConflictException(ChainConflict.NOT_NEXT_HEIGHT,
                    "block height " + block.height() + ", next height is " + expected);
        }
        if (tipHash != null && !Arrays.equals(tipHash, block.previousHash())) {
            throw new ChainConflictException(ChainConflict.NOT_LINKED, "block " + block.height() + " follows "
                    + HEX.formatHex(block.previousHash()) + " but the tip is " + HEX.formatHex(tipHash));
        }
        // Keys wrap the txid bytes (content equality, no copy): no hex string per message stored.
        Set<ByteBuffer> txids = new HashSet<>();
        for (PosMessage tx : block.txs()) {
            if (!txids.add(ByteBuffer.wrap(tx.txid()))) {
                throw new ChainConflictException(ChainConflict.DUPLICATE_TXID_IN_BLOCK,
                        "txid " + tx.txidHex() + " appears twice in block " + block.height());
            }
        }
        PreparedStatement roundSir = insertStatement(connection,
                "SELECT height FROM pos_chain WHERE round = ? AND sir = ?");
        roundSir.setLong(1, block.round());
        roundSir.setInt(2, block.sir());
        try (ResultSet rows = roundSir.executeQuery()) {
            if (rows.next()) {
                throw new ChainConflictException(ChainConflict.DUPLICATE_ROUND_SIR, "round " + block.round()
                        + " sir " + block.sir() + " already has block " + rows.getLong(1));
            }
        }
        requireNewTxids(connection, block);
        insertRows(connection, block);
    }

    /**
     * Throws {@link ChainConflict#DUPLICATE_TXID} for the first tx of {@code block}, in block order, whose txid is
     * stored: one indexed query per {@value #HEADS_PER_QUERY} txids finds the stored messages whose txid starts
     * like one of them, and whole txids are compared here.
     */
    private void requireNewTxids(Connection connection, PosBlock block) throws SQLException, StoreException {
        List<PosMessage> txs = block.txs();
        Map<ByteBuffer, Long> stored = new HashMap<>();
        PreparedStatement query = insertStatement(connection, STORED_TXIDS);
        for (int first = 0; first < txs.size(); first += HEADS_PER_QUERY) {
            for (int i = 0; i < HEADS_PER_QUERY; i++) {
                // A short last chunk repeats its first head, which IN ignores.
                query.setBytes(i + 1, txidHead(txs.get(first + (first + i < txs.size() ? i : 0)).txid()));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(ByteBuffer.wrap(rows.getBytes(1)), rows.getLong(2));
                }
            }
        }
        if (stored.isEmpty()) {
            return;
        }
        for (PosMessage tx : txs) {
            Long height = stored.get(ByteBuffer.wrap(tx.txid()));
            if (height != null) {
                throw new ChainConflictException(ChainConflict.DUPLICATE_TXID,
                        "txid " + tx.txidHex() + " is already in block " + height);
            }
        }
    }

    private static byte[] txidHead(byte[] txid) {
        return Arrays.copyOf(txid, Math.min(TXID_HEAD_LENGTH, txid.length));
    }

    private void insertRows(Connection connection, PosBlock block) throws SQLException {
        PreparedStatement blockInsert = insertStatement(connection, INSERT_BLOCK);
        blockInsert.setLong(1, block.height());
        blockInsert.setLong(2, block.round());
        blockInsert.setInt(3, block.sir());
        blockInsert.setLong(4, block.timestamp());
        blockInsert.setBytes(5, block.previousHash());
        blockInsert.setInt(6, block.msgCount());
        blockInsert.setInt(7, block.uniquesSources());
        blockInsert.setBytes(8, block.signature());
        blockInsert.setBytes(9, block.blockHash());
        blockInsert.setString(10, block.receivedBy());
        blockInsert.setString(11, block.forger());
        blockInsert.executeUpdate();
        PreparedStatement messageInsert = insertStatement(connection, INSERT_MESSAGE);
        int position = 0;
        for (PosMessage tx : block.txs()) {
            messageInsert.setInt(1, position++);
            messageInsert.setBytes(2, tx.txid());
            messageInsert.setLong(3, block.height());
            messageInsert.setLong(4, tx.timestamp());
            messageInsert.setString(5, tx.sender());
            messageInsert.setString(6, tx.recipient());
            messageInsert.setLong(7, tx.what());
            messageInsert.setString(8, tx.params());
            messageInsert.setLong(9, tx.value());
            messageInsert.setBytes(10, tx.pubkey());
            messageInsert.setLong(11, tx.received());
            messageInsert.addBatch();
        }
        messageInsert.executeBatch();
    }

    /**
     * A statement of {@link #insertBlock}, prepared once on the writer connection and kept until the store closes:
     * catch-up appends thousands of blocks, and each append then runs them without compiling them again. Only
     * used under the write lock.
     */
    private PreparedStatement insertStatement(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = insertStatements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            insertStatements.put(sql, statement);
        }
        return statement;
    }

    private static void requireWellFormed(PosBlock block) throws ChainConflictException {
        String where = "block " + block.height();
        requireLength(where, "previous_hash", block.previousHash(), PosBlock.HASH_LENGTH);
        requireLength(where, "block_hash", block.blockHash(), PosBlock.HASH_LENGTH);
        requireLength(where, "signature", block.signature(), 64);
        for (PosMessage tx : block.txs()) {
            requireLength(where + " tx " + tx.txidHex(), "txid", tx.txid(), 64);
            requireLength(where + " tx " + tx.txidHex(), "pubkey", tx.pubkey(), 64);
        }
    }

    private static void requireLength(String where, String field, byte[] value, int length)
            throws ChainConflictException {
        if (value.length != length) {
            throw new ChainConflictException(ChainConflict.MALFORMED,
                    where + ": " + field + " is " + value.length + " bytes, not " + length);
        }
    }

    private static List<PosMessage> deleteAbove(Connection connection, long height) throws SQLException, StoreException {
        List<PosMessage> removed = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + StoredRows.MESSAGE_COLUMNS
                + " FROM pos_messages WHERE block_height > ? ORDER BY block_height, position")) {
            query.setLong(1, height);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    removed.add(StoredRows.message(rows));
                }
            }
        }
        try (PreparedStatement deleteMessages = connection.prepareStatement(
                "DELETE FROM pos_messages WHERE block_height > ?");
             PreparedStatement deleteBlocks = connection.prepareStatement("DELETE FROM pos_chain WHERE height > ?")) {
            deleteMessages.setLong(1, height);
            deleteMessages.executeUpdate();
            deleteBlocks.setLong(1, height);
            deleteBlocks.executeUpdate();
        }
        return removed;
    }

    private void writeRoundData(String sql, Object... values) throws StoreException {
        write(connection -> {
            execute(connection, sql, values);
            return null;
        });
    }

    private static void insertRoundSignature(Connection connection, RoundSignature signature) throws SQLException {
        execute(connection, "INSERT OR REPLACE INTO round_signatures (round, digest, forger, signature)"
                + " VALUES (?, ?, ?, ?)", signature.round(), signature.digest(), signature.forger(),
                signature.signature());
    }

    private static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            statement.executeUpdate();
        }
    }

    private static Optional<PosBlock> readBlock(Connection connection, long height) throws SQLException, StoreException {
        return readBlocks(connection, "height = ?", height).stream().findFirst();
    }

    /**
     * The messages whose {@code pos_messages} row matches {@code condition}, followed by {@code order} (both
     * constant SQL of this class with {@code ?} placeholders for {@code values}).
     */
    private static List<PosMessage> readMessages(Connection connection, String condition, String order,
                                                 Object... values) throws SQLException, StoreException {
        List<PosMessage> messages = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + StoredRows.MESSAGE_COLUMNS
                + " FROM pos_messages WHERE " + condition + order)) {
            bind(query, values);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    messages.add(StoredRows.message(rows));
                }
            }
        }
        return messages;
    }

    /**
     * The blocks whose {@code pos_chain} row matches {@code condition} (one of this class's constant SQL
     * conditions with {@code ?} placeholders for {@code values}), in height order with their messages.
     */
    private static List<PosBlock> readBlocks(Connection connection, String condition, Object... values)
            throws SQLException, StoreException {
        Map<Long, List<PosMessage>> txs = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + StoredRows.MESSAGE_COLUMNS
                + " FROM pos_messages WHERE block_height IN (SELECT height FROM pos_chain WHERE " + condition + ")"
                + " ORDER BY block_height, position")) {
            bind(query, values);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    PosMessage message = StoredRows.message(rows);
                    txs.computeIfAbsent(message.blockHeight(), h -> new ArrayList<>()).add(message);
                }
            }
        }
        List<PosBlock> blocks = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + StoredRows.BLOCK_COLUMNS
                + " FROM pos_chain WHERE " + condition + " ORDER BY height")) {
            bind(query, values);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    blocks.add(StoredRows.block(rows, txs.getOrDefault(rows.getLong(1), List.of())));
                }
            }
        }
        return blocks;
    }

    private HeightStatus computeHeightStatus(Connection connection) throws SQLException {
        long height = tipHeight(connection);
        long round;
        int sir;
        String hash;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT round, sir, block_hash FROM pos_chain WHERE height = ?")) {
            query.setLong(1, height);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                round = rows.getLong(1);
                sir = rows.getInt(2);
                hash = HEX.formatHex(rows.getBytes(3));
            }
        }
        PastRounds past = pastRounds(connection, lastHeightBeforeRound(connection, round));
        long firstOfRound = singleLong(connection, "SELECT MIN(height) FROM pos_chain WHERE round = ?", round);
        long uniquesRound = singleLong(connection,
                "SELECT COUNT(DISTINCT sender) FROM pos_messages WHERE block_height >= ?", firstOfRound);
        long forgersRound = singleLong(connection, "SELECT COUNT(DISTINCT forger) FROM pos_chain WHERE round = ?", round);
        return new HeightStatus(height, round, sir, hash, past.uniques(), uniquesRound, past.forgers(), forgersRound);
    }

    /**
     * {@code uniques} and {@code forgers} of §9.1 over blocks 1 … {@code lastHeight}, with the distinct senders and
     * forgers they count: the expensive part of a height status. Reused while block {@code lastHeight} keeps its
     * hash, i.e. for the whole of a round, and extended to a later {@code lastHeight} while it keeps its own
     * ({@link #append} keeps the hashes chained, so a change below would change it): only the blocks above it are
     * read, so a catching-up node asked for its status at every new round does not scan its whole chain each time.
     */
    private record PastRounds(long lastHeight, byte[] blockHash, Set<String> senders, Set<String> forgerAddresses) {

        long uniques() {
            return senders.size();
        }

        long forgers() {
            return forgerAddresses.size();
        }
    }

    private PastRounds pastRounds(Connection connection, long lastHeight) throws SQLException {
        PastRounds known = lastPastRounds;
        byte[] hash = blockHash(connection, lastHeight);
        if (known != null && known.lastHeight() == lastHeight && Arrays.equals(known.blockHash(), hash)) {
            return known;
        }
        boolean grows = known != null && known.lastHeight() < lastHeight
                && Arrays.equals(known.blockHash(), blockHash(connection, known.lastHeight()));
        long from = grows ? known.lastHeight() + 1 : 1;
        Set<String> senders = new HashSet<>(grows ? known.senders() : Set.of());
        senders.addAll(distinct(connection,
                "SELECT DISTINCT sender FROM pos_messages WHERE block_height BETWEEN ? AND ?", from, lastHeight));
        Set<String> forgers = new HashSet<>(grows ? known.forgerAddresses() : Set.of());
        forgers.addAll(distinct(connection, "SELECT DISTINCT forger FROM pos_chain WHERE height BETWEEN ? AND ?",
                from, lastHeight));
        PastRounds computed = new PastRounds(lastHeight, hash, Set.copyOf(senders), Set.copyOf(forgers));
        lastPastRounds = computed;
        return computed;
    }

    /** The hash of the block at {@code height}; empty when there is none. */
    private static byte[] blockHash(Connection connection, long height) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT block_hash FROM pos_chain WHERE height = ?")) {
            query.setLong(1, height);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : new byte[0];
            }
        }
    }

    private static List<String> distinct(Connection connection, String sql, long fromHeight, long toHeight)
            throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, fromHeight);
            query.setLong(2, toHeight);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static long tipHeight(Connection connection) throws SQLException {
        return singleLong(connection, "SELECT MAX(height) FROM pos_chain");
    }

    /** {@code Hprev} of §9.1: the greatest height of a block of an earlier round, 0 if none. */
    private static long lastHeightBeforeRound(Connection connection, long round) throws SQLException {
        return singleLong(connection, "SELECT COALESCE(MAX(height), 0) FROM pos_chain WHERE round < ?", round);
    }

    /** The smallest and greatest height of the blocks of a round range, or empty when it has none. */
    private static Optional<long[]> heightSpan(Connection connection, long firstRound, long lastRound)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT MIN(height), MAX(height) FROM pos_chain WHERE round BETWEEN ? AND ?")) {
            query.setLong(1, firstRound);
            query.setLong(2, lastRound);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getObject(1) == null ? Optional.empty()
                        : Optional.of(new long[] {rows.getLong(1), rows.getLong(2)});
            }
        }
    }

    private static Map<String, Long> countPerAddress(Connection connection, String sql, Object... values)
            throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, values);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static long singleLong(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, values);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException, StoreException;
    }

    /** Runs {@code work} in a read transaction on a pooled connection, so all its queries see one snapshot. */
    private <T> T read(SqlWork<T> work) throws StoreException {
        try (Connection connection = readers.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the chain database failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one write transaction on the single writer connection: committed when it returns,
     * rolled back when it throws, so no partial change is ever visible or left behind. Every successful write
     * drops the cached height status.
     */
    private <T> T write(SqlWork<T> work) throws StoreException {
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                synchronized (statusLock) {
                    chainVersion++;
                    cachedStatus = null;
                }
                return result;
            } catch (SQLException | StoreException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("writing the chain database failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing after a failure or at shutdown: nothing left to protect, the journal recovers on next open.
        }
    }
}
