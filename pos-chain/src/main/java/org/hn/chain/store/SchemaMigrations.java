package org.hn.chain.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The numbered schema migrations of the chain database. Migration {@code n} (1-based) brings a database from
 * {@code PRAGMA user_version = n − 1} to {@code n}; each runs in its own transaction together with the version
 * bump, so a kill in the middle leaves the previous version intact. Never edit a released migration: append a
 * new one.
 */
final class SchemaMigrations {

    /** The columns and key of {@code pos_messages} after its first column, {@code txid} (migrations 1 and 3). */
    private static final String MESSAGE_COLUMNS_AFTER_TXID = """
              block_height INTEGER NOT NULL REFERENCES pos_chain (height),
              position     INTEGER NOT NULL,
              timestamp    INTEGER NOT NULL,
              sender       VARCHAR (34) NOT NULL,
              recipient    VARCHAR (34) NOT NULL,
              what         INTEGER NOT NULL,
              params       TEXT NOT NULL,
              value        INTEGER NOT NULL,
              pubkey       BLOB (64) NOT NULL,
              received     INTEGER NOT NULL,
              UNIQUE (block_height, position))""";

    /**
     * Migration 1: the reference tables of {@code spec/chain.md §7.1} with the same column names, except that
     * {@code params} and the other free texts are {@code TEXT} (the reference's {@code STRING} has numeric
     * affinity and turns "123" into a number) and {@code pos_messages} has an explicit {@code position} so
     * txs come back in the received block order (§5.3); plus our per-round stats and signatures
     * ({@code DESIGN.md §6}).
     */
    private static final List<String> CHAIN_TABLES = List.of(
            """
            CREATE TABLE addresses (
              address VARCHAR (34) PRIMARY KEY,
              pubkey  BLOB (64),
              ip      VARCHAR (32),
              alias   VARCHAR (32),
              extra   TEXT)""",
            """
            CREATE TABLE pos_chain (
              height          INTEGER PRIMARY KEY,
              round           INTEGER NOT NULL,
              sir             INTEGER NOT NULL,
              timestamp       INTEGER NOT NULL,
              previous_hash   BLOB (20) NOT NULL,
              msg_count       INTEGER NOT NULL,
              uniques_sources INTEGER NOT NULL,
              signature       BLOB (64) NOT NULL,
              block_hash      BLOB (20) NOT NULL,
              received_by     TEXT NOT NULL,
              forger          VARCHAR (34) NOT NULL,
              UNIQUE (round, sir))""",
            """
            CREATE TABLE pos_messages (
              txid         BLOB (64) PRIMARY KEY NOT NULL,
            """ + MESSAGE_COLUMNS_AFTER_TXID,
            """
            CREATE TABLE pos_rounds (
              round      INTEGER PRIMARY KEY,
              active_hns TEXT,
              slots      TEXT,
              test_slots TEXT)""",
            "CREATE INDEX round ON pos_chain (round)",
            "CREATE INDEX height_ts ON pos_messages (block_height, timestamp)",
            "CREATE INDEX recipient ON pos_messages (recipient)",
            "CREATE INDEX sender ON pos_messages (sender)",
            """
            CREATE TABLE round_stats (
              round             INTEGER PRIMARY KEY,
              bytes_sent        INTEGER NOT NULL,
              bytes_received    INTEGER NOT NULL,
              messages_sent     INTEGER NOT NULL,
              messages_received INTEGER NOT NULL,
              uptime_seconds    INTEGER NOT NULL,
              restarts          INTEGER NOT NULL,
              peer_heights      TEXT NOT NULL,
              late_peers        TEXT NOT NULL)""",
            """
            CREATE TABLE round_signatures (
              round     INTEGER NOT NULL,
              digest    BLOB NOT NULL,
              forger    VARCHAR (34) NOT NULL,
              signature BLOB (64) NOT NULL,
              PRIMARY KEY (round, forger))""");

    /**
     * Migration 2: facts about the node process kept with its chain, as named integer counters (so far the
     * number of process starts, {@code DESIGN.md §6}).
     */
    private static final List<String> NODE_META = List.of(
            """
            CREATE TABLE node_meta (
              name  TEXT PRIMARY KEY NOT NULL,
              value INTEGER NOT NULL)""");

    /**
     * Migration 3: {@code txid} is no longer the primary key of {@code pos_messages}; an index on its first 8
     * bytes ({@code txid_head}) finds it instead, and the store checks that a txid is new itself, comparing whole
     * txids. A txid is a signature, so every new message lands on a random page of an index on it: with whole
     * 64-byte keys, storing a message cost 26 µs of CPU on a 100,000-message chain and 50 µs on a
     * 2,000,000-message one, against 10 µs without that index (docs/benchmarks.md, issue 9, third round). Same
     * columns, same rows, same order; the table is rebuilt because SQLite cannot drop a primary key.
     */
    private static final List<String> TXID_HEAD = List.of(
            """
            CREATE TABLE pos_messages_v3 (
              txid         BLOB (64) NOT NULL,
            """ + MESSAGE_COLUMNS_AFTER_TXID,
            """
            INSERT INTO pos_messages_v3 (rowid, txid, block_height, position, timestamp, sender, recipient, what,
                                         params, value, pubkey, received)
            SELECT rowid, txid, block_height, position, timestamp, sender, recipient, what, params, value, pubkey,
                   received
            FROM pos_messages ORDER BY rowid""",
            "DROP TABLE pos_messages",
            "ALTER TABLE pos_messages_v3 RENAME TO pos_messages",
            "CREATE INDEX height_ts ON pos_messages (block_height, timestamp)",
            "CREATE INDEX recipient ON pos_messages (recipient)",
            "CREATE INDEX sender ON pos_messages (sender)",
            "CREATE INDEX txid_head ON pos_messages (substr(txid, 1, 8))");

    /** All migrations in order; index i holds migration i + 1. */
    private static final List<List<String>> MIGRATIONS = List.of(CHAIN_TABLES, NODE_META, TXID_HEAD);

    private SchemaMigrations() {
    }

    /** The schema version this code writes. */
    static int latestVersion() {
        return MIGRATIONS.size();
    }

    /**
     * Applies the migrations the database lacks, each in one transaction.
     *
     * @param connection a connection with auto-commit on, used by nobody else meanwhile
     * @throws StoreException when the database is newer than this code, or SQLite fails
     */
    static void migrate(Connection connection) throws StoreException {
        try {
            int version = userVersion(connection);
            if (version > latestVersion()) {
                throw new StoreException("the chain database has schema version " + version
                        + " but this node knows only up to " + latestVersion() + "; use a newer node");
            }
            if (version == 0 && hasTable(connection, "pos_chain")) {
                throw new StoreException("the chain database has the reference's tables but no schema version:"
                        + " it is a reference hypernode database; import it (hn bootstrap import) rather than open it");
            }
            for (int next = version + 1; next <= latestVersion(); next++) {
                apply(connection, next);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot migrate the chain database: " + e.getMessage(), e);
        }
    }

    private static void apply(Connection connection, int version) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : MIGRATIONS.get(version - 1)) {
                statement.execute(sql);
            }
            // PRAGMA takes no bound parameters; the version is our own integer, never outside data.
            statement.execute("PRAGMA user_version = " + version);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }
}
