package org.hn.pow.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hn.config.Network;
import org.hn.pow.address.PowAddress;
import org.hn.pow.ledger.Balance;
import org.hn.pow.ledger.BlockStamp;
import org.hn.pow.ledger.HeightFilter;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.RegistrationRow;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A devnet ledger read back through the same reader as mainnet. */
class DevnetLedgerTest {

    /** Testnet-byte (0x55) PoS addresses of the reference's address vectors. */
    static final List<String> POS = List.of("bUBUMj1c7rBrmfDTgPuBr2yNnJg8MpW1PV", "bQf5wT2GCAmTXgvDKdyZwYE4DoffxZyrzq",
            "ba3v8ooan5mBzHuaVzh4vsz9A8LwABZS2t");
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_001L);

    @TempDir
    Path directory;

    private DevnetLedger create(Path file) throws SQLException {
        List<DevnetHypernode> hypernodes = List.of(DevnetHypernode.loopback(0, 7000, POS.get(0)),
                DevnetHypernode.loopback(1, 7000, POS.get(1)), DevnetHypernode.loopback(2, 7000, POS.get(2)));
        return DevnetLedger.create(file, hypernodes, Duration.ofSeconds(3), Duration.ofSeconds(400),
                Duration.ofSeconds(10), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theReaderGetsTheRegistrationsBackInOrder() throws SQLException, PowLedgerUnavailableException {
        Path file = directory.resolve("ledger.db");
        try (DevnetLedger devnet = create(file)) {
            SqlitePowLedger reader = new SqlitePowLedger(file);
            List<RegistrationRow> rows = reader.registrationRows(773_801, reader.tip().height());
            assertEquals(3, rows.size());
            for (int i = 0; i < 3; i++) {
                String collateral = devnet.collateralAddresses().get(i);
                RegistrationRow row = rows.get(i);
                assertEquals(773_802, row.blockHeight());
                assertEquals(collateral, row.sender());
                assertEquals("127.0.0." + (i + 1) + ":" + (7000 + i) + ":" + POS.get(i) + ",source=" + collateral,
                        row.openfield());
                assertTrue(PowAddress.isValid(collateral));
            }
            Balance collateral = reader.balance(devnet.collateralAddresses().get(0), 773_802, HeightFilter.PLAIN);
            assertEquals(new BigDecimal("30000.48887000"), collateral.exact());
            assertEquals(3, collateral.weight());
        }
    }

    @Test
    void historyFillsBlocksOnTheIntervalGridUpToNow() throws SQLException, PowLedgerUnavailableException {
        Path file = directory.resolve("ledger.db");
        try (DevnetLedger devnet = create(file)) {
            SqlitePowLedger reader = new SqlitePowLedger(file);
            // Funding at 1699999599 (h 773801), registrations 3 s later, then 133 blocks up to 1700000001.
            assertEquals(new BlockStamp(773_935, new BigDecimal("1700000001")), reader.tip());
            assertEquals(773_935, devnet.tipHeight());
            // Round 1377366 starts at 1699999920; its reference time is 1699999800, a block time exactly.
            assertEquals(773_868, reader.referenceBlockOfRound(Network.DEVNET, 1_377_366).height());
            Balance pot = reader.balance(PowAddress.HYPERNODE_POT, 773_935, HeightFilter.MIRROR_AWARE);
            assertEquals(13, pot.creditRows());
            assertEquals(new BigDecimal("312.00000000"), pot.exact());
        }
    }

    @Test
    void blocksAreAppendedOnlyWhenDueAndCarryQueuedTransactions()
            throws SQLException, PowLedgerUnavailableException {
        Path file = directory.resolve("ledger.db");
        try (DevnetLedger devnet = create(file)) {
            String first = devnet.collateralAddresses().get(0);
            devnet.queue(new PowTransaction(first, first, BigDecimal.ZERO, RegistrationRow.UNREGISTER,
                    "127.0.0.1:7000:" + POS.get(0) + ",source=" + first, new BigDecimal("1700000003")));
            assertEquals(0, devnet.appendBlocksUntil(NOW.plusSeconds(2)));
            assertEquals(1, devnet.appendBlocksUntil(NOW.plusSeconds(3)));
            assertEquals(2, devnet.appendBlocksUntil(NOW.plusSeconds(9)));
            SqlitePowLedger reader = new SqlitePowLedger(file);
            List<RegistrationRow> unregistrations = reader.registrationRows(773_936, 773_938);
            assertEquals(1, unregistrations.size());
            assertEquals(773_936, unregistrations.get(0).blockHeight());
            assertEquals(773_938, reader.tip().height());
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws SQLException {
        Path file = directory.resolve("ledger.db");
        create(file).close();
        assertThrows(IllegalArgumentException.class, () -> create(file));
    }
}
