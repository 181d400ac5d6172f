package org.hn.registry.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.hn.config.Network;
import org.hn.pow.address.PowAddress;
import org.hn.pow.devnet.BlockWriter;
import org.hn.pow.devnet.PowTransaction;
import org.hn.pow.fixture.ReferenceLedgerFixture;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.RegistrationRow;
import org.hn.pow.ledger.sqlite.BismuthSchema;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.Hypernode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Garbage and huge openfields in a real ledger file become named invalid rows; the valid ones still register. */
class MalformedRegistrationLedgerTest {

    private static final String A1 = ReferenceLedgerFixture.A1;
    private static final String A2 = ReferenceLedgerFixture.A2;

    @TempDir
    Path directory;

    @Test
    void garbageAndHugeOpenfieldsAreParseErrorsAndOnlyThat() throws SQLException, PowLedgerUnavailableException {
        Path file = directory.resolve("ledger.db");
        BigDecimal time = new BigDecimal("1535097629.63");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            BismuthSchema.create(connection);
            BlockWriter writer = new BlockWriter(connection);
            writer.appendBlock(773_801, 1_535_097_600L, A2, List.of(
                    new PowTransaction(PowAddress.DEVELOPMENT, A1, new BigDecimal("30000.50"), "0", "", time),
                    new PowTransaction(PowAddress.DEVELOPMENT, A2, new BigDecimal("30000.50"), "0", "", time)));
            writer.appendBlock(773_802, 1_535_097_660L, A2, List.of(
                    register(A1, "\u0000\u00ff:::,=,==", time),
                    register(A1, "z".repeat(100_001), time),
                    register(A1, "198.51.100.1:6969:" + ReferenceLedgerFixture.P1 + ",reason=" + "r".repeat(99_000), time),
                    register(A2, "198.51.100.2:6969:" + ReferenceLedgerFixture.P2 + "," + "x".repeat(99_000), time)));
        }
        RegistrationFold fold = RegistrationFold.forNetwork(RuleProfile.STRICT, Network.MAINNET,
                new SqlitePowLedger(file));
        RegistrationState state = fold.scan(RegistrationState.initial(), 773_802);
        assertEquals(List.of(A1), state.hypernodes().stream().map(Hypernode::registrar).toList());
        // The fees of A1's three rows (0.01011 + 1.01001 + 1.0006 BIS, §2.4) leave 29998.47928: weight 2.
        assertEquals(2, state.hypernodes().get(0).weight());
        assertEquals(List.of(InvalidReason.PARSE_ERROR, InvalidReason.PARSE_ERROR, InvalidReason.PARSE_ERROR),
                state.invalid().stream().map(InvalidRegistration::reason).toList());
    }

    private static PowTransaction register(String sender, String openfield, BigDecimal time) {
        return new PowTransaction(sender, sender, BigDecimal.ZERO, RegistrationRow.REGISTER, openfield, time);
    }
}
