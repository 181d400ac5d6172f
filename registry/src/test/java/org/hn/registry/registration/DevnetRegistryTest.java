package org.hn.registry.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hn.config.Network;
import org.hn.pow.devnet.DevnetHypernode;
import org.hn.pow.devnet.DevnetLedger;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.PowLedgerUnavailableException.Reason;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.Hypernode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A devnet ledger goes through the mainnet path: reference block with confirmations, fold, weights. */
class DevnetRegistryTest {

    private static final List<String> POS = List.of("bUBUMj1c7rBrmfDTgPuBr2yNnJg8MpW1PV",
            "bQf5wT2GCAmTXgvDKdyZwYE4DoffxZyrzq", "ba3v8ooan5mBzHuaVzh4vsz9A8LwABZS2t");
    /** In devnet round 1377366 (which starts at 1699999920; 120-second rounds). */
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_001L);

    @TempDir
    Path directory;

    @Test
    void theDevnetHypernodesAreTheRegistryOfTheCurrentRound() throws Exception {
        Path file = directory.resolve("ledger.db");
        List<DevnetHypernode> hypernodes = List.of(DevnetHypernode.loopback(0, 7000, POS.get(0)),
                DevnetHypernode.loopback(1, 7000, POS.get(1)), DevnetHypernode.loopback(2, 7000, POS.get(2)));
        try (DevnetLedger devnet = DevnetLedger.create(file, hypernodes, Duration.ofSeconds(3),
                Duration.ofSeconds(400), Duration.ofSeconds(10), Clock.fixed(NOW, ZoneOffset.UTC))) {
            SqlitePowLedger ledger = new SqlitePowLedger(file);
            RegistrySource source = new RegistrationCache(
                    RegistrationFold.forNetwork(RuleProfile.STRICT, Network.DEVNET, ledger), 4);
            List<Hypernode> registry = source.hypernodesOfRound(Network.DEVNET, 1_377_366);
            List<String> collaterals = devnet.collateralAddresses();
            BigDecimal registeredAt = new BigDecimal("1699999601");
            assertEquals(List.of(
                    new Hypernode(collaterals.get(0), "127.0.0.1", "7000", POS.get(0), collaterals.get(0), 3,
                            registeredAt, true),
                    new Hypernode(collaterals.get(1), "127.0.0.2", "7001", POS.get(1), collaterals.get(1), 3,
                            registeredAt, true),
                    new Hypernode(collaterals.get(2), "127.0.0.3", "7002", POS.get(2), collaterals.get(2), 3,
                            registeredAt, true)), registry);
            // Round 1377367 refers to the block at 1699999920, with (1700000001 − 1699999920) / 3 = 27 blocks above:
            // available. Round 1377368 refers to 1700000040, after the tip: the tip itself, 0 confirmations.
            assertEquals(3, source.hypernodesOfRound(Network.DEVNET, 1_377_367).size());
            assertEquals(Reason.NOT_CONFIRMED, assertThrows(
                    PowLedgerUnavailableException.class,
                    () -> source.hypernodesOfRound(Network.DEVNET, 1_377_368)).reason());
        }
    }
}
