package org.hn.node.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hn.chain.address.Address;
import org.hn.chain.testing.TestClock;
import org.hn.config.Network;
import org.hn.node.daemon.LedgerFreshness;
import org.hn.node.server.FakeNode;
import org.hn.pow.devnet.DevnetHypernode;
import org.hn.pow.devnet.DevnetLedger;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationFold;
import org.hn.registry.registration.RuleProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PoW ledger and registration checks over a devnet ledger written in the Bismuth schema. */
class LedgerChecksTest {

    /** Well after the devnet's origin; the ledger's blocks are 5 s apart up to this instant. */
    private static final long NOW = 1_700_000_000L;
    private static final int PORT = 18220;
    private static final String OURS = Address.fromPublicKey(FakeNode.key(0).publicKey(), Network.DEVNET.networkId());
    private static final String OTHER = Address.fromPublicKey(FakeNode.key(1).publicKey(), Network.DEVNET.networkId());

    @TempDir
    Path dir;
    private TestClock clock;
    private SqlitePowLedger ledger;
    private String collateral;

    @BeforeEach
    void writeLedger() throws Exception {
        clock = new TestClock(NOW);
        Path file = dir.resolve("ledger.db");
        try (DevnetLedger devnet = DevnetLedger.create(file, List.of(DevnetHypernode.loopback(0, PORT, OURS)),
                Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofSeconds(5), clock)) {
            collateral = devnet.collateralAddresses().get(0);
        }
        ledger = new SqlitePowLedger(file);
    }

    private Finding powCheck() {
        return new PowLedgerCheck(ledger, new LedgerFreshness(ledger), "ledger.db", clock).run();
    }

    private Finding registrationCheck(String address, int port) {
        RegistrationCache registry = new RegistrationCache(
                RegistrationFold.forNetwork(RuleProfile.STRICT, Network.DEVNET, ledger), 1);
        return new RegistrationCheck(address, registry, Network.DEVNET, port, clock).run();
    }

    @Test
    void aFreshLedgerIsOk() {
        clock.set(NOW + 60);
        assertEquals(Finding.ok("pow-ledger", "the last PoW block, " + tipHeight() + ", is 60 s old"), powCheck());
    }

    @Test
    void aLedgerFifteenMinutesOldFails() {
        clock.set(NOW + 900);
        assertEquals(Finding.fail("pow-ledger", "the last PoW block, " + tipHeight() + ", is 900 s old",
                "run the Bismuth PoW node and let it sync; POW_LEDGER_DB in hn.conf must name its static/ledger.db"
                        + " (now ledger.db)"), powCheck());
    }

    @Test
    void aMissingLedgerFails() {
        SqlitePowLedger missing = new SqlitePowLedger(dir.resolve("absent.db"));
        Finding finding = new PowLedgerCheck(missing, new LedgerFreshness(missing), "absent.db", clock).run();
        assertEquals(Verdict.FAIL, finding.verdict());
        assertEquals(true, finding.summary().startsWith("MISSING_FILE: "), finding.summary());
    }

    /** Funding block at 773801 15 minutes before NOW, registrations at 773802, then one block every 5 s up to NOW. */
    private long tipHeight() {
        long start = NOW - 900;
        long funding = start - Math.floorMod(start, 5);
        return DevnetLedger.FUNDING_HEIGHT + (NOW - funding) / 5;
    }

    @Test
    void aRegisteredAddressIsOkWithItsWeight() {
        long round = Network.DEVNET.roundAt(NOW);
        assertEquals(Finding.ok("registration", OURS + " is registered in round " + round + " as 127.0.0.1:" + PORT
                + " by " + collateral + ", weight 3"), registrationCheck(OURS, PORT));
    }

    @Test
    void anotherPortThanTheRegisteredOneWarns() {
        long round = Network.DEVNET.roundAt(NOW);
        assertEquals(Finding.warn("registration", OURS + " is registered in round " + round + " as 127.0.0.1:" + PORT
                + " by " + collateral + ", weight 3, but the node listens on port 6969",
                "set PORT=" + PORT + " in hn.conf, or register again with port 6969"), registrationCheck(OURS, 6969));
    }

    @Test
    void anUnregisteredAddressFailsWithTheRegistrationToSend() {
        long round = Network.DEVNET.roundAt(NOW);
        assertEquals(Finding.fail("registration", OTHER + " is not registered in round " + round,
                "from the collateral wallet send a transaction to itself, amount 0, operation hypernode:register,"
                        + " openfield IP:6969:" + OTHER + ",source=COLLATERAL_ADDRESS (10000 BIS per weight, at most 3)"),
                registrationCheck(OTHER, 6969));
    }

    @Test
    void aRefusedRegistrationIsReportedWithItsReason() throws Exception {
        Path file = dir.resolve("shared-ip.db");
        String firstRegistrar;
        try (DevnetLedger devnet = DevnetLedger.create(file, List.of(new DevnetHypernode("127.0.0.1", PORT, OURS),
                new DevnetHypernode("127.0.0.1", PORT + 1, OTHER)), Duration.ofSeconds(5), Duration.ofMinutes(15),
                Duration.ofSeconds(5), clock)) {
            firstRegistrar = devnet.collateralAddresses().get(0);
        }
        RegistrationCache registry = new RegistrationCache(
                RegistrationFold.forNetwork(RuleProfile.STRICT, Network.DEVNET, new SqlitePowLedger(file)), 1);
        Finding finding = new RegistrationCheck(OTHER, registry, Network.DEVNET, PORT + 1, clock).run();
        assertEquals(Verdict.FAIL, finding.verdict());
        assertEquals(OTHER + " is not registered in round " + Network.DEVNET.roundAt(NOW) + "; its row at PoW height "
                + (DevnetLedger.FUNDING_HEIGHT + 1) + " was refused: DUPLICATE_IP (IP 127.0.0.1 already registered by "
                + firstRegistrar + ")", finding.summary());
    }

    @Test
    void withoutWalletOrReadableLedgerTheRegistrationIsUnknown() {
        assertEquals(Verdict.UNKNOWN, registrationCheck(null, PORT).verdict());
        SqlitePowLedger missing = new SqlitePowLedger(dir.resolve("absent.db"));
        Finding finding = new RegistrationCheck(OURS, new RegistrationCache(
                RegistrationFold.forNetwork(RuleProfile.STRICT, Network.DEVNET, missing), 1), Network.DEVNET, PORT, clock)
                .run();
        assertEquals(Verdict.UNKNOWN, finding.verdict());
        assertEquals("fix the pow-ledger check first", finding.fix());
    }
}
