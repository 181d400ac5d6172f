package org.hn.registry.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hn.pow.address.PowAddress;
import org.hn.pow.ledger.Balance;
import org.hn.pow.ledger.BlockStamp;
import org.hn.pow.ledger.ColoredListRow;
import org.hn.pow.ledger.HeightFilter;
import org.hn.pow.ledger.PowLedger;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.PowLedgerUnavailableException.Reason;
import org.hn.pow.ledger.ReferenceBlock;
import org.hn.pow.ledger.RegistrationRow;
import org.hn.registry.Hypernode;
import org.junit.jupiter.api.Test;

/** Fold rules of {@code spec/pow.md §5.4} on hand-made rows, including rows no PoW node would write. */
class RegistrationFoldTest {

    private static final String A = "dfc36a1516370909ad0ddf3e3203f02e712626f5455749c65f429aa4";
    private static final String B = "bb5872311120b589cc801e872b3795b2cdc25535d867c63500095a56";
    private static final String POS_A = "BLvTAjom84jjYw96q6wHZnjCxfBca9ihtd";
    private static final String POS_B = "BKtW34LxDgiqWCRLkFKSvyojCRVwU56VrR";
    private static final BigDecimal TIME = new BigDecimal("1535097629.63");
    private static final Balance FUNDED = new Balance(new BigDecimal("30000.5"), new BigDecimal("0.01"), 1, 1);

    /** Balances by address; a missing address has only credits (reference NULL); MALFORMED for "malformed". */
    private record StubLedger(Map<String, Balance> balances, Reason failure) implements PowLedger {

        @Override
        public BlockStamp tip() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReferenceBlock referenceBlock(double referenceTimestamp) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Balance balance(String address, long height, HeightFilter filter)
                throws PowLedgerUnavailableException {
            if (failure != null) {
                throw new PowLedgerUnavailableException(failure, "stub");
            }
            return balances.getOrDefault(address, new Balance(new BigDecimal("20000"), BigDecimal.ZERO, 1, 0));
        }

        @Override
        public List<RegistrationRow> registrationRows(long fromHeight, long toHeight) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ColoredListRow> coloredListRows(long throughHeight) {
            throw new UnsupportedOperationException();
        }
    }

    private static RegistrationFold fold(RuleProfile profile, Reason failure) {
        Predicate<String> pos = address -> address.equals(POS_A) || address.equals(POS_B);
        return new RegistrationFold(profile, pos, new StubLedger(Map.of(A, FUNDED, B, FUNDED), failure));
    }

    private static RegistrationRow register(long height, String sender, String openfield) {
        return new RegistrationRow(height, sender, RegistrationRow.REGISTER, openfield, TIME);
    }

    private static RegistrationState run(RegistrationFold fold, RegistrationRow... rows)
            throws PowLedgerUnavailableException {
        return fold.fold(RegistrationState.initial(), List.of(rows), 800_000);
    }

    @Test
    void aGarbageOrHugeOpenfieldInvalidatesOnlyItsRow() throws PowLedgerUnavailableException {
        RegistrationState state = run(fold(RuleProfile.COMPAT, null),
                register(774_000, A, "\u0000\uFFFF:::,,,==="),
                register(774_001, A, "x".repeat(150_000)),
                register(774_002, B, "198.51.100.2:6969:" + POS_B + "," + "y".repeat(200_000)),
                register(774_003, A, "198.51.100.1:6969:" + POS_A + ",reason=" + "x".repeat(200_000)));
        // Unknown option keys are ignored for a register, however long.
        assertEquals(List.of(A), state.hypernodes().stream().map(Hypernode::registrar).toList());
        assertEquals(List.of(InvalidReason.PARSE_ERROR, InvalidReason.PARSE_ERROR, InvalidReason.PARSE_ERROR),
                state.invalid().stream().map(InvalidRegistration::reason).toList());
        assertTrue(state.invalid().get(2).detail().length() < 200, "details stay short for logs");
    }

    @Test
    void anUnexpectedErrorOnOneRowInvalidatesOnlyThatRow() throws PowLedgerUnavailableException {
        Predicate<String> exploding = address -> {
            if (address.equals(POS_A)) {
                throw new IllegalStateException("boom");
            }
            return true;
        };
        RegistrationFold fold = new RegistrationFold(RuleProfile.COMPAT, exploding,
                new StubLedger(Map.of(), null));
        RegistrationState state = run(fold,
                register(774_000, A, "198.51.100.1:6969:" + POS_A),
                register(774_001, B, "198.51.100.2:6969:" + POS_B));
        assertEquals(List.of(B), state.hypernodes().stream().map(Hypernode::registrar).toList());
        assertEquals(InvalidReason.UNEXPECTED_ERROR, state.invalid().get(0).reason());
        assertTrue(state.invalid().get(0).detail().contains("boom"));
    }

    @Test
    void aNullBalanceSideWeighsMinusOneInCompatAndCountsAsZeroInStrict() throws PowLedgerUnavailableException {
        String receiveOnly = "c7ae6a5e093d5a88cfca1de3cf33287bd56ac57d521a3c5cc110c6e5";
        RegistrationRow row = register(774_000, receiveOnly, "198.51.100.1:6969:" + POS_A);
        assertEquals(-1, run(fold(RuleProfile.COMPAT, null), row).hypernodes().get(0).weight());
        assertEquals(2, run(fold(RuleProfile.STRICT, null), row).hypernodes().get(0).weight());
    }

    @Test
    void anUnreadableCollateralWeighsMinusOneInCompatAndIsLowCollateralInStrict()
            throws PowLedgerUnavailableException {
        RegistrationRow row = register(774_000, A, "198.51.100.1:6969:" + POS_A);
        assertEquals(-1, run(fold(RuleProfile.COMPAT, Reason.MALFORMED_VALUE), row).hypernodes().get(0).weight());
        RegistrationState strict = run(fold(RuleProfile.STRICT, Reason.MALFORMED_VALUE), row);
        assertEquals(List.of(), strict.hypernodes());
        assertEquals(InvalidReason.LOW_COLLATERAL, strict.invalid().get(0).reason());
    }

    @Test
    void anUnavailableLedgerFailsTheWholeFold() {
        RegistrationRow row = register(774_000, A, "198.51.100.1:6969:" + POS_A);
        PowLedgerUnavailableException busy = assertThrows(PowLedgerUnavailableException.class,
                () -> run(fold(RuleProfile.COMPAT, Reason.BUSY), row));
        assertEquals(Reason.BUSY, busy.reason());
    }

    @Test
    void rowsNoPowNodeWritesGetNamedReasons() throws PowLedgerUnavailableException {
        RegistrationState state = run(fold(RuleProfile.COMPAT, null),
                new RegistrationRow(774_000, A, RegistrationRow.REGISTER, "198.51.100.1:6969:" + POS_A, null),
                new RegistrationRow(774_001, A, "hypernode:other", "198.51.100.1:6969:" + POS_A, TIME),
                register(774_002, "", "198.51.100.1:6969:" + POS_A),
                register(774_003, A, "198.51.100.1:6969:" + POS_A + ",reward=" + "NOTANADDRESS"));
        assertEquals(List.of(InvalidReason.BAD_TIMESTAMP, InvalidReason.UNKNOWN_OPERATION,
                        InvalidReason.BAD_POW_ADDRESS, InvalidReason.BAD_POW_ADDRESS),
                state.invalid().stream().map(InvalidRegistration::reason).toList());
        assertEquals(List.of(), state.hypernodes());
    }

    @Test
    void theControllerRemovesEveryMatchingEntryKeepingTheOrderOfTheOthers() throws PowLedgerUnavailableException {
        String third = "c7ae6a5e093d5a88cfca1de3cf33287bd56ac57d521a3c5cc110c6e5";
        Predicate<String> anyPos = address -> true;
        RegistrationFold fold = new RegistrationFold(RuleProfile.COMPAT, anyPos, new StubLedger(Map.of(), null));
        RegistrationState state = run(fold,
                register(774_000, A, "198.51.100.1:6969:" + POS_A),
                register(774_001, B, "198.51.100.2:6969:" + POS_B),
                register(774_002, third, "198.51.100.3:6969:POS3"),
                new RegistrationRow(774_003, PowAddress.CONTROL, RegistrationRow.UNREGISTER,
                        "198.51.100.2:6969:" + POS_B + ",reason=test", TIME),
                register(774_004, B, "198.51.100.2:6969:" + POS_B));
        assertEquals(List.of(A, third, B), state.hypernodes().stream().map(Hypernode::registrar).toList());
        assertEquals(List.of(), state.invalid());
    }
}
