package org.hn.chain.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Reads the rounds a node recorded ({@code round_stats}, with the round's blocks and messages) from its chain
 * database, read-only: safe while the node runs and writes (WAL readers never block the writer), and never
 * migrates or changes the file.
 */
public final class RoundHistory implements AutoCloseable {

    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final String IN_ROUND = " FROM pos_messages WHERE block_height IN"
            + " (SELECT height FROM pos_chain WHERE round = ?)";
    private static final String TEST_RESULT = " AND (what = 204 OR (what = 202 AND params <> 'START'))";

    private final Connection connection;

    private RoundHistory(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens a chain database read-only.
     *
     * @throws StoreException when there is no database at {@code file} or it cannot be opened
     */
    public static RoundHistory open(Path file) throws StoreException {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("no chain database at " + file);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        try {
            return new RoundHistory(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
        } catch (SQLException e) {
            throw new StoreException("cannot open the chain database " + file + " read-only: " + e.getMessage(), e);
        }
    }

    /**
     * The last {@code count} rounds with recorded stats, oldest first.
     *
     * @param me the node's PoS address, whose test results are counted
     * @throws IllegalArgumentException when {@code count} is not positive
     * @throws StoreException when the database cannot be read or is not a chain database
     */
    public List<RoundSummary> lastRounds(int count, String me) throws StoreException {
        if (count <= 0) {
            throw new IllegalArgumentException("the number of rounds must be positive, got " + count);
        }
        try {
            List<RoundStats> stats = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT round, bytes_sent, bytes_received,"
                    + " messages_sent, messages_received, uptime_seconds, restarts, peer_heights, late_peers"
                    + " FROM round_stats ORDER BY round DESC LIMIT ?")) {
                query.setInt(1, count);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stats.add(new RoundStats(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                                rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getString(8),
                                rows.getString(9)));
                    }
                }
            }
            Collections.reverse(stats);
            List<RoundSummary> summaries = new ArrayList<>();
            for (RoundStats round : stats) {
                summaries.add(summary(round, me));
            }
            return summaries;
        } catch (SQLException e) {
            throw new StoreException("cannot read the rounds of the chain database: " + e.getMessage(), e);
        }
    }

    private RoundSummary summary(RoundStats stats, String me) throws SQLException {
        List<String> forgers = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT forger FROM pos_chain WHERE round = ? ORDER BY sir")) {
            query.setLong(1, stats.round());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    forgers.add(rows.getString(1));
                }
            }
        }
        return new RoundSummary(stats, forgers.size(), forgers,
                count("SELECT COUNT(*)" + IN_ROUND, stats.round()),
                count("SELECT COUNT(*)" + IN_ROUND + " AND sender = ?" + TEST_RESULT, stats.round(), me),
                count("SELECT COUNT(*)" + IN_ROUND + " AND recipient = ?" + TEST_RESULT, stats.round(), me));
    }

    private long count(String sql, long round, String... addresses) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, round);
            for (int i = 0; i < addresses.length; i++) {
                query.setString(2 + i, addresses[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // read-only: nothing to lose
        }
    }
}
