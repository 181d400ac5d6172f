package org.hn.pow.ledger.sqlite;

import static org.hn.pow.fixture.ReferenceLedgerFixture.A1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A12;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A13;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A4;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A5;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A6;
import static org.hn.pow.fixture.ReferenceLedgerFixture.E;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P5;
import static org.hn.pow.fixture.ReferenceLedgerFixture.POT;
import static org.hn.pow.fixture.ReferenceLedgerFixture.RW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hn.config.Network;
import org.hn.pow.fixture.ReferenceLedgerFixture;
import org.hn.pow.ledger.Balance;
import org.hn.pow.ledger.BlockStamp;
import org.hn.pow.ledger.HeightFilter;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.PowLedgerUnavailableException.Reason;
import org.hn.pow.ledger.ReferenceBlock;
import org.hn.pow.ledger.RegistrationRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the {@code spec/pow.md §13} fixture: expected values of §13.4 items 1, 6, 7, 8. */
class SqlitePowLedgerTest {

    @TempDir
    static Path directory;
    static SqlitePowLedger ledger;

    @BeforeAll
    static void build() throws SQLException {
        ledger = new SqlitePowLedger(ReferenceLedgerFixture.build(directory.resolve("ledger.db")));
    }

    @Test
    void referenceBlockIsTheLastMinedAtOrBeforeTheTimestamp() throws PowLedgerUnavailableException {
        assertEquals(new ReferenceBlock(780_100, 780_130), ledger.referenceBlock(1_535_403_600));
        assertEquals(30, ledger.referenceBlock(1_535_403_600).confirmations());
        assertEquals(780_055, ledger.referenceBlock(1_535_403_599.99).height());
    }

    @Test
    void referenceBlockOfARoundUsesTheTimestampOneHourBeforeItsStart() throws PowLedgerUnavailableException {
        assertEquals(780_100, ledger.referenceBlockOfRound(Network.MAINNET, 192).height());
        assertEquals(779_000, ledger.referenceBlockOfRound(Network.MAINNET, 191).height());
    }

    @Test
    void aReferenceBlockWithTwentyOrFewerBlocksAboveItMeansThePowNodeIsLate() throws PowLedgerUnavailableException {
        PowLedgerUnavailableException late = assertThrows(PowLedgerUnavailableException.class,
                () -> ledger.referenceBlockOfRound(Network.MAINNET, 193));
        assertEquals(Reason.NOT_CONFIRMED, late.reason());
        // 780110 has exactly 20 blocks above it: still late; 780109 has 21.
        assertEquals(Reason.NOT_CONFIRMED, assertThrows(PowLedgerUnavailableException.class,
                () -> ledger.referenceBlock(ReferenceLedgerFixture.blockTimestamp(780_110))).reason());
        assertEquals(new ReferenceBlock(780_109, 780_130),
                ledger.referenceBlock(ReferenceLedgerFixture.blockTimestamp(780_109)));
    }

    @Test
    void noBlockBeforeTheFirstOneIsNoReference() {
        assertEquals(Reason.NO_REFERENCE_BLOCK, assertThrows(PowLedgerUnavailableException.class,
                () -> ledger.referenceBlock(ReferenceLedgerFixture.blockTimestamp(773_700) - 1)).reason());
    }

    @Test
    void tipIsTheHighestBlockWithItsCoinbaseTimestamp() throws PowLedgerUnavailableException {
        BlockStamp tip = ledger.tip();
        assertEquals(780_130, tip.height());
        assertEquals(0, new BigDecimal("1535405400").compareTo(tip.timestamp()));
    }

    @Test
    void collateralBalancesAndWeightsAtRegistrationAndReferenceHeights() throws PowLedgerUnavailableException {
        Balance a1 = ledger.balance(A1, 775_001, HeightFilter.PLAIN);
        assertEquals(new BigDecimal("30000.48884000"), a1.exact());
        assertEquals(3, a1.weight());
        assertEquals(3, ledger.balance(A12, 775_013, HeightFilter.PLAIN).weight());
        Balance a12 = ledger.balance(A12, 780_100, HeightFilter.PLAIN);
        assertEquals(new BigDecimal("5000.47883000"), a12.exact());
        assertEquals(0, a12.weight());
        Balance a4 = ledger.balance(A4, 775_004, HeightFilter.PLAIN);
        assertEquals(new BigDecimal("9999.98884000"), a4.exact());
        assertEquals(0, a4.weight());
        assertEquals(3, ledger.balance(E, 775_000, HeightFilter.PLAIN).weight());
        assertEquals(new BigDecimal("44999.98884000"), ledger.balance(A5, 775_005, HeightFilter.PLAIN).exact());
    }

    @Test
    void weightsOfTheRound192RegistrarsAtTheReferenceHeight() throws PowLedgerUnavailableException {
        // §13.4 item 5: A3 was topped up to 3, A12 withdrew to 0; A4 stays 0.
        List<String> registrars = List.of(A1, ReferenceLedgerFixture.A2, ReferenceLedgerFixture.A3, A4,
                ReferenceLedgerFixture.A8, ReferenceLedgerFixture.A10, A12, ReferenceLedgerFixture.A15,
                ReferenceLedgerFixture.B1, ReferenceLedgerFixture.A14, ReferenceLedgerFixture.A9);
        List<Integer> weights = new ArrayList<>();
        for (String registrar : registrars) {
            weights.add(ledger.balance(registrar, 780_100, HeightFilter.PLAIN).weight());
        }
        assertEquals(List.of(3, 2, 3, 0, 3, 3, 0, 3, 3, 3, 3), weights);
    }

    @Test
    void aReceiveOnlyAddressHasNoDebitSideAsInTheReference() throws PowLedgerUnavailableException {
        Balance rw = ledger.balance(RW, 780_100, HeightFilter.PLAIN);
        assertTrue(rw.referenceIsNull());
        assertEquals(0, rw.debitRows());
        assertEquals(new BigDecimal("10.00000000"), rw.exact());
        assertFalse(ledger.balance(A1, 780_100, HeightFilter.PLAIN).referenceIsNull());
    }

    @Test
    void balancesReadTogetherAreTheBalancesOfSeparateCalls() throws PowLedgerUnavailableException {
        List<String> addresses = List.of(A1, ReferenceLedgerFixture.A2, ReferenceLedgerFixture.A3, A4, A5, A6,
                ReferenceLedgerFixture.A8, A12, A13, ReferenceLedgerFixture.A15, E, RW, POT, P5, "nobody");
        long[] heights = {-1, 0, 773_800, 775_000, 775_001, 775_004, 775_013, 779_000, 780_055, 780_100, 780_130};
        List<Balance> separate = new ArrayList<>();
        for (String address : addresses) {
            for (long height : heights) {
                separate.add(ledger.balance(address, height, HeightFilter.PLAIN));
            }
        }
        List<Balance> together = ledger.readTogether(view -> {
            List<Balance> balances = new ArrayList<>();
            for (String address : addresses) {
                for (long height : heights) {
                    balances.add(view.balance(address, height, HeightFilter.PLAIN));
                }
            }
            return balances;
        });
        assertEquals(separate, together);
        assertEquals(new BigDecimal("30000.48884000"), together.get(4).exact(),
                "A1 at 775001, as in the §13.4 expectations above");
        assertEquals(new BigDecimal("373.99000000"), ledger.readTogether(
                view -> view.balance(POT, 780_100, HeightFilter.MIRROR_AWARE)).exact());
    }

    @Test
    void potBalanceCountsMirrorRowsByTheirOwnHeightOnlyWithTheMirrorAwareFilter()
            throws PowLedgerUnavailableException {
        assertEquals(new BigDecimal("373.99000000"), ledger.balance(POT, 780_100, HeightFilter.MIRROR_AWARE).exact());
        assertEquals(new BigDecimal("445.99000000"), ledger.balance(POT, 780_100, HeightFilter.PLAIN).exact());
        Balance early = ledger.balance(POT, 775_500, HeightFilter.MIRROR_AWARE);
        assertTrue(early.referenceIsNull());
        assertEquals(11, early.creditRows());
        assertEquals(new BigDecimal("264.00000000"), early.exact());
    }

    @Test
    void registrationRowsAreSelectedByHeightRangeAndExactOperationInLedgerOrder()
            throws PowLedgerUnavailableException {
        List<RegistrationRow> all = ledger.registrationRows(773_801, 780_100);
        assertEquals(32, all.size());
        assertEquals(775_001, all.get(0).blockHeight());
        RegistrationRow last = all.get(all.size() - 1);
        assertEquals(new RegistrationRow(780_055, A5, RegistrationRow.UNREGISTER,
                "198.51.100.5:6969:" + P5 + ",source=" + A5, new BigDecimal("1535400869.63")), last);
        assertEquals(List.of(), ledger.registrationRows(779_001, 780_054));
        // The checkpoint row at 773800 is outside the scan from 773801.
        assertEquals(A6, ledger.registrationRows(773_800, 773_800).get(0).sender());
        RegistrationRow early = ledger.registrationRows(780_101, 780_101).get(0);
        assertEquals(A13, early.sender());
        assertEquals(0, ReferenceLedgerFixture.EARLY_TIMESTAMP_780101.compareTo(early.timestamp()));
    }
}
