package org.hn.registry.registration;

import static org.hn.pow.fixture.ReferenceLedgerFixture.A1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A10;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A12;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A13;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A14;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A15;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A2;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A3;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A4;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A5;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A8;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A9;
import static org.hn.pow.fixture.ReferenceLedgerFixture.B1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D2;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D3;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D4;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D5;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P10;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P11;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P2;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P3;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P4;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P8;
import static org.hn.pow.fixture.ReferenceLedgerFixture.RW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hn.config.Network;
import org.hn.pow.fixture.ReferenceLedgerFixture;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.RegistrationRow;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.Hypernode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry of the {@code spec/pow.md §13} fixture in both profiles: expected results of §13.4 items 2–4. */
class RegistrationFoldFixtureTest {

    @TempDir
    static Path directory;
    static SqlitePowLedger ledger;

    @BeforeAll
    static void build() throws SQLException {
        ledger = new SqlitePowLedger(ReferenceLedgerFixture.build(directory.resolve("ledger.db")));
    }

    private static RegistrationFold fold(RuleProfile profile) {
        return RegistrationFold.forNetwork(profile, Network.MAINNET, ledger);
    }

    private static Hypernode node(String registrar, String ip, String port, String pos, String reward, int weight,
                                  String timestamp) {
        return new Hypernode(registrar, ip, port, pos, reward, weight, new BigDecimal(timestamp), true);
    }

    /** The table of §13.4 item 2 (compat, round 192). */
    private static List<Hypernode> compatRound192() {
        return List.of(
                node(A1, "198.51.100.1", "6969", P1, A1, 3, "1535097629.63"),
                node(A2, "198.51.100.2", "6969", P2, RW, 2, "1535097689.63"),
                node(A3, "198.51.100.3", "6969", P3, A3, 1, "1535097749.63"),
                node(A4, "198.51.100.4", "6969", P4, A4, 0, "1535097809.63"),
                node(A8, "198.51.100.8", "6969", P8, A8, 3, "1535098049.63"),
                node(A10, "198.51.100.11", "6969", P11, A10, 3, "1535098229.63"),
                node(A12, "198.51.100.13", "6969", D1, A12, 3, "1535098349.63"),
                node(A15, "198.51.100.22", "69x9", D3, A15, 3, "1535098409.63"),
                node(B1, "198.51.100.23", "6969", D4, B1, 3, "1535098469.63"),
                node(A14, "198.51.100.21", "6969", D2, A14, 3, "1535099189.63"),
                node(A9, "198.51.100.10", "6969", P10, A9, 3, "1535109569.63"));
    }

    private static Map<Long, InvalidReason> compatInvalidRows() {
        Map<Long, InvalidReason> invalid = new LinkedHashMap<>();
        invalid.put(775_006L, InvalidReason.DUPLICATE_IP);
        invalid.put(775_007L, InvalidReason.DUPLICATE_POS);
        invalid.put(775_009L, InvalidReason.ALREADY_REGISTERED);
        invalid.put(775_020L, InvalidReason.BAD_SOURCE);
        invalid.put(775_021L, InvalidReason.BAD_IP);
        invalid.put(775_022L, InvalidReason.BAD_POS_ADDRESS);
        invalid.put(775_023L, InvalidReason.BAD_POS_ADDRESS);
        invalid.put(775_024L, InvalidReason.BAD_POW_ADDRESS);
        invalid.put(775_025L, InvalidReason.PARSE_ERROR);
        invalid.put(775_026L, InvalidReason.PARSE_ERROR);
        invalid.put(775_101L, InvalidReason.BAD_UNREG_PARAMS);
        invalid.put(775_103L, InvalidReason.BAD_UNREG_SENDER);
        invalid.put(775_105L, InvalidReason.BAD_SOURCE);
        invalid.put(775_106L, InvalidReason.PARSE_ERROR);
        return invalid;
    }

    private static Map<Long, InvalidReason> reasonsByHeight(RegistrationState state) {
        Map<Long, InvalidReason> reasons = new LinkedHashMap<>();
        for (InvalidRegistration invalid : state.invalid()) {
            reasons.put(invalid.row().blockHeight(), invalid.reason());
        }
        assertEquals(state.invalid().size(), reasons.size(), "one invalid row per block in the fixture");
        return reasons;
    }

    private static List<String> registrars(RegistrationState state) {
        return state.hypernodes().stream().map(Hypernode::registrar).toList();
    }

    @Test
    void compatRound192IsTheElevenHypernodesOfTheReference() throws PowLedgerUnavailableException {
        RegistrationState state = new RegistrationCache(fold(RuleProfile.COMPAT), 4)
                .registryOfRound(Network.MAINNET, 192);
        assertEquals(780_100, state.scannedThrough());
        assertEquals(compatRound192(), state.hypernodes());
        assertEquals(compatInvalidRows(), reasonsByHeight(state));
    }

    @Test
    void compatRound191StillHasA5WithWeight3() throws PowLedgerUnavailableException {
        RegistrationState state = new RegistrationCache(fold(RuleProfile.COMPAT), 4)
                .registryOfRound(Network.MAINNET, 191);
        assertEquals(779_000, state.scannedThrough());
        assertEquals(List.of(A1, A2, A3, A4, A5, A8, A10, A12, A15, B1, A14, A9), registrars(state));
        Hypernode a5 = state.hypernodes().get(4);
        assertEquals(node(A5, "198.51.100.5", "6969", ReferenceLedgerFixture.P5, A5, 3, "1535097869.63"), a5);
    }

    @Test
    void strictRejectsLowCollateralAndUnparsablePortKeepingTheOrder() throws PowLedgerUnavailableException {
        RegistrationCache cache = new RegistrationCache(fold(RuleProfile.STRICT), 4);
        RegistrationState round192 = cache.registryOfRound(Network.MAINNET, 192);
        List<Hypernode> expected = new ArrayList<>(compatRound192());
        expected.removeIf(hypernode -> hypernode.registrar().equals(A4) || hypernode.registrar().equals(A15));
        assertEquals(9, expected.size());
        assertEquals(expected, round192.hypernodes());
        Map<Long, InvalidReason> invalid = reasonsByHeight(round192);
        assertEquals(InvalidReason.LOW_COLLATERAL, invalid.remove(775_004L));
        assertEquals(InvalidReason.BAD_PORT, invalid.remove(775_014L));
        assertEquals(compatInvalidRows(), invalid);
        assertEquals(List.of(A1, A2, A3, A5, A8, A10, A12, B1, A14, A9),
                registrars(cache.registryOfRound(Network.MAINNET, 191)));
    }

    @Test
    void selectionIsByBlockHeightNotByTransactionTime() throws PowLedgerUnavailableException {
        RegistrationFold compat = fold(RuleProfile.COMPAT);
        RegistrationState atReference = compat.scan(RegistrationState.initial(), 780_100);
        RegistrationState atTip = compat.scan(atReference, ReferenceLedgerFixture.TIP_HEIGHT);
        List<Hypernode> expected = new ArrayList<>(compatRound192());
        // "1535403590.00" was stored as INTEGER (NUMERIC affinity), so it reads back without decimals.
        expected.add(node(A13, "198.51.100.24", "6969", D5, A13, 3, "1535403590"));
        assertEquals(expected, atTip.hypernodes());
    }

    @Test
    void theRowAtTheCheckpointIsNeverScanned() throws PowLedgerUnavailableException {
        RegistrationState state = fold(RuleProfile.COMPAT).scan(RegistrationState.initial(), 775_000);
        assertEquals(List.of(), state.hypernodes());
        assertEquals(List.of(), state.invalid());
    }

    @Test
    void foldingInTwoPartsEqualsAFullFoldForEverySplitPoint() throws PowLedgerUnavailableException {
        for (RuleProfile profile : RuleProfile.values()) {
            RegistrationFold fold = fold(profile);
            List<RegistrationRow> rows = ledger.registrationRows(773_801, 780_100);
            RegistrationState full = fold.fold(RegistrationState.initial(), rows, 780_100);
            for (int split = 0; split <= rows.size(); split++) {
                long splitHeight = split == 0 ? 773_800 : rows.get(split - 1).blockHeight();
                RegistrationState first = fold.fold(RegistrationState.initial(), rows.subList(0, split), splitHeight);
                RegistrationState second = fold.fold(first, rows.subList(split, rows.size()), 780_100);
                assertEquals(full, second, profile + " split after row " + split);
            }
        }
    }

    @Test
    void incrementalCacheEqualsAFullScanSeededAtEveryHeight() throws PowLedgerUnavailableException {
        RegistrationState full = fold(RuleProfile.COMPAT).scan(RegistrationState.initial(), 780_100);
        List<Long> seeds = new ArrayList<>(List.of(773_800L, 775_000L, 779_000L, 780_054L, 780_055L, 780_099L));
        for (RegistrationRow row : ledger.registrationRows(773_801, 780_100)) {
            seeds.add(row.blockHeight());
            seeds.add(row.blockHeight() - 1);
        }
        for (long seed : seeds) {
            RegistrationCache cache = new RegistrationCache(fold(RuleProfile.COMPAT), 2);
            cache.registryAt(seed);
            assertEquals(full, cache.registryAt(780_100), "seeded at " + seed);
        }
    }

    @Test
    void round192FromTheCachedRound191ScansOnlyTheA5Unregistration() throws PowLedgerUnavailableException {
        RegistrationCache cache = new RegistrationCache(fold(RuleProfile.COMPAT), 4);
        RegistrationState round191 = cache.registryOfRound(Network.MAINNET, 191);
        assertEquals(1, ledger.registrationRows(round191.scannedThrough() + 1, 780_100).size());
        RegistrationState round192 = cache.registryOfRound(Network.MAINNET, 192);
        assertEquals(compatRound192(), round192.hypernodes());
        assertEquals(round192, cache.registryOfRound(Network.MAINNET, 192));
    }

    @Test
    void rowsOfOneIpAreReportedWithExplicitReasons() throws PowLedgerUnavailableException {
        RegistrationState state = fold(RuleProfile.COMPAT).scan(RegistrationState.initial(), 780_100);
        List<String> feed = state.invalid().stream()
                .filter(invalid -> invalid.row().openfield().contains("198.51.100.1:"))
                .map(invalid -> invalid.row().blockHeight() + " " + invalid.reason())
                .toList();
        assertEquals(List.of("775006 DUPLICATE_IP", "775103 BAD_UNREG_SENDER"), feed);
    }
}
