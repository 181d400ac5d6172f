package org.hn.pow.devnet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.hn.pow.address.PowAddress;

/**
 * Appends PoW blocks to a ledger in the Bismuth schema the way the PoW node writes them
 * ({@code spec/pow.md §2.3}): the block's transactions in order, then its coinbase row, then — at every
 * 10th height — the two mirror rows at the negative height, and one {@code misc} row. Every value is written as
 * a string so that SQLite's NUMERIC affinity stores it as the PoW node's does. One block is one SQLite
 * transaction, so readers never see half a block.
 *
 * <p>Signatures, public keys and hashes are deterministic stand-ins (hypernode logic never verifies them).
 * Not thread-safe: one writer per connection.
 */
public final class BlockWriter {

    /** Sender of the mirror row that credits {@link PowAddress#DEVELOPMENT}. */
    public static final String DEVELOPMENT_REWARD = "Development Reward";
    /** Sender of the mirror row that credits {@link PowAddress#HYPERNODE_POT}. */
    public static final String HYPERNODE_PAYOUTS = "Hypernode Payouts";

    private static final String INSERT_TRANSACTION = "INSERT INTO transactions (block_height, timestamp, address, "
            + "recipient, amount, signature, public_key, block_hash, fee, reward, operation, openfield) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_MISC = "INSERT INTO misc (block_height, difficulty) VALUES (?, ?)";
    private static final String DIFFICULTY = "100";
    private static final int NONCE_HEX_LENGTH = 8;

    private final Connection connection;

    /** @param connection a writable connection to a ledger created with the Bismuth schema; the caller closes it */
    public BlockWriter(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Writes one block atomically.
     *
     * @param height         block height, positive
     * @param blockTimestamp block time, unix seconds (coinbase and mirror rows carry it)
     * @param miner          PoW address credited with the reward and the block's fees
     * @param transactions   the block's regular transactions, in order
     * @throws SQLException when the block cannot be written; nothing of it is then visible
     */
    public void appendBlock(long height, long blockTimestamp, String miner, List<PowTransaction> transactions)
            throws SQLException {
        if (height <= 0) {
            throw new IllegalArgumentException("block height must be positive: " + height);
        }
        String blockHash = StandInDigest.hex("SHA-224", "block-" + height);
        String timestamp = twoDecimals(BigDecimal.valueOf(blockTimestamp));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TRANSACTION);
             PreparedStatement misc = connection.prepareStatement(INSERT_MISC)) {
            BigDecimal fees = BigDecimal.ZERO.setScale(8);
            int position = 0;
            for (PowTransaction transaction : transactions) {
                BigDecimal fee = transaction.fee();
                fees = fees.add(fee);
                insertRow(insert, height, twoDecimals(transaction.timestamp()), transaction.sender(),
                        transaction.recipient(), eightDecimals(transaction.amount()), signature(height, position++),
                        publicKey(transaction.sender()), blockHash, eightDecimals(fee), "0",
                        transaction.operation(), transaction.openfield());
            }
            BigDecimal miningReward = PowRewards.miningReward(height);
            insertRow(insert, height, timestamp, miner, miner, "0.00000000", signature(height, position),
                    publicKey(miner), blockHash, "0", eightDecimals(miningReward.add(fees)), "0",
                    blockHash.substring(0, NONCE_HEX_LENGTH));
            if (PowRewards.hasMirrorRows(height)) {
                String mirrorHash = StandInDigest.hex("SHA-1", "mirror-" + height);
                insertRow(insert, -height, timestamp, DEVELOPMENT_REWARD, PowAddress.DEVELOPMENT,
                        eightDecimals(miningReward), "0", "0", mirrorHash, "0", "0", "0", "0");
                insertRow(insert, -height, timestamp, HYPERNODE_PAYOUTS, PowAddress.HYPERNODE_POT,
                        eightDecimals(PowRewards.potPayout(height)), "0", "0", mirrorHash, "0", "0", "0", "0");
            }
            misc.setLong(1, height);
            misc.setString(2, DIFFICULTY);
            misc.executeUpdate();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void insertRow(PreparedStatement insert, long height, String timestamp, String address,
                                  String recipient, String amount, String signature, String publicKey,
                                  String blockHash, String fee, String reward, String operation, String openfield)
            throws SQLException {
        insert.setLong(1, height);
        insert.setString(2, timestamp);
        insert.setString(3, address);
        insert.setString(4, recipient);
        insert.setString(5, amount);
        insert.setString(6, signature);
        insert.setString(7, publicKey);
        insert.setString(8, blockHash);
        insert.setString(9, fee);
        insert.setString(10, reward);
        insert.setString(11, operation);
        insert.setString(12, openfield);
        insert.executeUpdate();
    }

    private static String twoDecimals(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String eightDecimals(BigDecimal value) {
        return value.setScale(8, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String signature(long height, int position) {
        return Base64.getEncoder().encodeToString(StandInDigest.of("SHA-256", "signature-" + height + "-" + position));
    }

    private static String publicKey(String address) {
        return Base64.getEncoder().encodeToString(StandInDigest.of("SHA-256", "public-key-" + address));
    }
}
