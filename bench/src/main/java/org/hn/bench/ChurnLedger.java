package org.hn.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.hn.chain.address.Address;
import org.hn.chain.crypto.InvalidKeyException;
import org.hn.chain.crypto.PrivateKey;
import org.hn.config.Network;
import org.hn.pow.address.PowAddress;
import org.hn.pow.devnet.BlockWriter;
import org.hn.pow.devnet.PowTransaction;
import org.hn.pow.ledger.PowLedger;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.RegistrationRow;
import org.hn.pow.ledger.RoundReference;
import org.hn.pow.ledger.sqlite.BismuthSchema;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.registration.RegistrationFold;
import org.hn.registry.registration.RegistrationState;
import org.hn.registry.registration.RuleProfile;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sqlite.SQLiteConfig;

/**
 * A mainnet-shaped Bismuth ledger ({@code spec/pow.md §2}) written once per fork into a temporary file: 1,000
 * funded collateral addresses whose hypernodes churn through 100,000 registration rows up to the reference block
 * of {@link #ROUND}, then one more round of churn up to the reference block of {@code ROUND + 1}, then 30 empty
 * blocks so that both reference blocks are confirmed ({@code §5.1}: more than 20 blocks above).
 *
 * <p>One PoW block a minute. The first block funds the collaterals (10,100, 20,100 or 30,100 BIS: weights 1 to 3).
 * Then, 50 rows a block: every collateral registers (1,000 rows), and 44 churn cycles follow in which every
 * hypernode unregisters and registers again with its other PoS address, in an order that changes each cycle, so
 * the registry order keeps changing; a quarter of the hypernodes also send one invalid row per cycle (a duplicate
 * IP, a PoS address with a broken checksum, an unregistration with the wrong port, or one from a sender without
 * a registration). Each cycle is 2,250 rows, 11,000 of the 100,000 rows are invalid, and every cycle ends with the
 * 1,000 hypernodes registered. The next round holds one more cycle, spread over its 60 blocks.
 */
@State(Scope.Benchmark)
public class ChurnLedger {

    /** The mainnet round whose registry is folded; its reference time is one hour before it starts. */
    public static final long ROUND = 47_000;
    /** Collateral addresses, and hypernodes registered at the end of every cycle. */
    public static final int HYPERNODES = 1_000;
    /** Rows up to the reference block of {@link #ROUND}. */
    public static final int ROWS = 100_000;
    /** Rows of one churn cycle, the rows of round {@code ROUND + 1}. */
    public static final int CYCLE_ROWS = 2 * HYPERNODES + HYPERNODES / 4;

    private static final Network NETWORK = Network.MAINNET;
    private static final int CYCLES = (ROWS - HYPERNODES) / CYCLE_ROWS;
    private static final int ROWS_PER_BLOCK = 50;
    private static final long BLOCK_SECONDS = 60;
    private static final int BLOCKS_PER_ROUND = (int) (NETWORK.roundSeconds() / BLOCK_SECONDS);
    private static final int CONFIRMING_BLOCKS = 30;
    private static final String PORT = "6969";
    private static final String MINER = powAddress("miner");

    private Path directory;
    private RegistrationFold fold;
    private long referenceHeight;
    private long nextReferenceHeight;

    /**
     * Writes the ledger and checks that the full fold ends as designed: 1,000 hypernodes, 11,000 invalid rows.
     *
     * @throws IllegalStateException if the ledger does not read back as designed
     */
    @Setup(Level.Trial)
    public void write() throws IOException, SQLException, PowLedgerUnavailableException {
        if (ROWS - HYPERNODES != CYCLES * CYCLE_ROWS) {
            throw new IllegalStateException("the churn cycles do not add up to " + ROWS + " rows");
        }
        directory = Files.createTempDirectory("hn-bench-ledger");
        Path file = directory.resolve("ledger.db");
        List<String> posAddresses = posAddresses(2 * HYPERNODES);
        List<PowTransaction> rows = new ArrayList<>(ROWS);
        registerAll(rows, posAddresses);
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            churn(rows, posAddresses, cycle);
        }
        List<PowTransaction> nextRound = new ArrayList<>(CYCLE_ROWS);
        churn(nextRound, posAddresses, CYCLES + 1);

        int churnBlocks = ROWS / ROWS_PER_BLOCK;
        long referenceTimestamp = RoundReference.referenceTimestamp(NETWORK, ROUND);
        // The funding block, then the churn blocks; the last of them is the reference block of ROUND.
        long fundingTimestamp = referenceTimestamp - churnBlocks * BLOCK_SECONDS;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.MEMORY);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file)) {
            BismuthSchema.create(connection);
            BlockWriter writer = new BlockWriter(connection);
            long height = PowLedger.REGISTRATION_CHECKPOINT + 1;
            long timestamp = fundingTimestamp;
            writer.appendBlock(height, timestamp, MINER, funding(timestamp));
            for (int block = 0; block < churnBlocks; block++) {
                height++;
                timestamp += BLOCK_SECONDS;
                writer.appendBlock(height, timestamp, MINER,
                        stamped(rows.subList(block * ROWS_PER_BLOCK, (block + 1) * ROWS_PER_BLOCK), timestamp));
            }
            referenceHeight = height;
            int perBlock = (CYCLE_ROWS + BLOCKS_PER_ROUND - 1) / BLOCKS_PER_ROUND;
            for (int block = 0; block < BLOCKS_PER_ROUND; block++) {
                height++;
                timestamp += BLOCK_SECONDS;
                int from = Math.min(CYCLE_ROWS, block * perBlock);
                int to = Math.min(CYCLE_ROWS, from + perBlock);
                writer.appendBlock(height, timestamp, MINER, stamped(nextRound.subList(from, to), timestamp));
            }
            nextReferenceHeight = height;
            for (int block = 0; block < CONFIRMING_BLOCKS; block++) {
                height++;
                timestamp += BLOCK_SECONDS;
                writer.appendBlock(height, timestamp, MINER, List.of());
            }
        }
        fold = RegistrationFold.forNetwork(RuleProfile.COMPAT, NETWORK, new SqlitePowLedger(file));
        check();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The COMPAT fold of mainnet over this ledger. */
    public RegistrationFold fold() {
        return fold;
    }

    /** Reference height of {@link #ROUND}: the last block holding its 100,000 rows. */
    public long referenceHeight() {
        return referenceHeight;
    }

    /** The mainnet network the ledger's round arithmetic follows. */
    public Network network() {
        return NETWORK;
    }

    private void check() throws PowLedgerUnavailableException {
        PowLedger ledger = fold.ledger();
        long reference = ledger.referenceBlockOfRound(NETWORK, ROUND).height();
        long nextReference = ledger.referenceBlockOfRound(NETWORK, ROUND + 1).height();
        if (reference != referenceHeight || nextReference != nextReferenceHeight) {
            throw new IllegalStateException("reference heights " + reference + ", " + nextReference + ", expected "
                    + referenceHeight + ", " + nextReferenceHeight);
        }
        int rowCount = ledger.registrationRows(PowLedger.REGISTRATION_CHECKPOINT + 1, referenceHeight).size();
        RegistrationState state = fold.scan(RegistrationState.initial(), referenceHeight);
        int expectedInvalid = CYCLES * (CYCLE_ROWS - 2 * HYPERNODES);
        if (rowCount != ROWS || state.hypernodes().size() != HYPERNODES || state.invalid().size() != expectedInvalid) {
            throw new IllegalStateException(rowCount + " rows folded into " + state.hypernodes().size()
                    + " hypernodes and " + state.invalid().size() + " invalid rows, expected " + ROWS + ", "
                    + HYPERNODES + " and " + expectedInvalid);
        }
    }

    private static List<PowTransaction> funding(long blockTimestamp) {
        List<PowTransaction> funding = new ArrayList<>(HYPERNODES);
        for (int i = 0; i < HYPERNODES; i++) {
            BigDecimal collateral = BigDecimal.valueOf(10_000L * (1 + i % 3) + 100);
            funding.add(new PowTransaction(PowAddress.DEVELOPMENT, collateral(i), collateral, PowTransaction.TRANSFER,
                    "", BigDecimal.valueOf(blockTimestamp - 1)));
        }
        return funding;
    }

    private static void registerAll(List<PowTransaction> rows, List<String> posAddresses) {
        for (int i = 0; i < HYPERNODES; i++) {
            rows.add(row(collateral(i), RegistrationRow.REGISTER, openfield(i, PORT, posAddresses.get(i))));
        }
    }

    /**
     * Cycle {@code c} visits the hypernodes in the order {@code (7·k + 13·c) mod 1000}; hypernode {@code i} uses
     * PoS address {@code i} in even cycles and {@code i + 1000} in odd ones.
     */
    private static void churn(List<PowTransaction> rows, List<String> posAddresses, int cycle) {
        for (int k = 0; k < HYPERNODES; k++) {
            int i = (7 * k + 13 * cycle) % HYPERNODES;
            String sender = collateral(i);
            String registeredPos = posAddresses.get(i + HYPERNODES * ((cycle - 1) % 2));
            String nextPos = posAddresses.get(i + HYPERNODES * (cycle % 2));
            if (k % 4 == 0) {
                rows.add(invalidRow(i, cycle, registeredPos));
            }
            rows.add(row(sender, RegistrationRow.UNREGISTER, openfield(i, PORT, registeredPos)));
            rows.add(row(sender, RegistrationRow.REGISTER, openfield(i, PORT, nextPos)));
        }
    }

    /** One of four invalid rows, sent while hypernode {@code i} is registered with {@code registeredPos}. */
    private static PowTransaction invalidRow(int i, int cycle, String registeredPos) {
        String sender = collateral(i);
        return switch ((i / 4 + cycle) % 4) {
            // Registering again: its own IP is taken (DUPLICATE_IP).
            case 0 -> row(sender, RegistrationRow.REGISTER, openfield(i, PORT, registeredPos));
            // Last character changed: the checksum fails (BAD_POS_ADDRESS).
            case 1 -> row(sender, RegistrationRow.REGISTER, openfield(i, PORT, brokenChecksum(registeredPos)));
            // Not the registered port (BAD_UNREG_PARAMS).
            case 2 -> row(sender, RegistrationRow.UNREGISTER, openfield(i, "6970", registeredPos));
            // Neither the owner nor the control address (BAD_UNREG_SENDER).
            default -> row(powAddress("stranger-" + i), RegistrationRow.UNREGISTER, openfield(i, PORT, registeredPos));
        };
    }

    private static String brokenChecksum(String posAddress) {
        char last = posAddress.charAt(posAddress.length() - 1);
        return posAddress.substring(0, posAddress.length() - 1) + (last == '2' ? '3' : '2');
    }

    /** A row without its time yet; {@link #stamped} gives it the block's. */
    private static PowTransaction row(String sender, String operation, String openfield) {
        return new PowTransaction(sender, sender, BigDecimal.ZERO, operation, openfield, BigDecimal.ZERO);
    }

    private static List<PowTransaction> stamped(List<PowTransaction> rows, long blockTimestamp) {
        BigDecimal sent = BigDecimal.valueOf(blockTimestamp - 1);
        return rows.stream().map(row -> new PowTransaction(row.sender(), row.recipient(), row.amount(),
                row.operation(), row.openfield(), sent)).toList();
    }

    /** {@code IP:PORT:POS,source=<collateral>} with IP 10.0.x.y unique to hypernode {@code i} ({@code §4.1}). */
    private static String openfield(int i, String port, String posAddress) {
        int host = i + 1;
        return "10.0." + (host >> 8) + "." + (host & 0xff) + ":" + port + ":" + posAddress + ",source="
                + collateral(i);
    }

    private static String collateral(int i) {
        return powAddress("collateral-" + i);
    }

    /** A legacy PoW address: 56 lowercase hex characters, here SHA-224 of a label ({@code §2.5}). */
    private static String powAddress(String label) {
        return HexFormat.of().formatHex(digest("SHA-224", "hn-bench-" + label));
    }

    /** Mainnet PoS addresses of the keys SHA-256(i), i = 0, 1, … ({@code §2.6}). */
    private static List<String> posAddresses(int count) {
        List<String> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try {
                PrivateKey key = PrivateKey.fromBytes(digest("SHA-256", Integer.toString(i)));
                addresses.add(Address.fromPublicKey(key.publicKey(), NETWORK.networkId()));
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("SHA-256(" + i + ") is not a valid private key", e);
            }
        }
        return addresses;
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
