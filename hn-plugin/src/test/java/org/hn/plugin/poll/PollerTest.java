package org.hn.plugin.poll;

import org.hn.chain.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hn.config.Network;
import org.hn.plugin.FixtureSnapshots;
import org.hn.plugin.files.PluginDirectory;
import org.hn.pow.fixture.ReferenceLedgerFixture;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationFold;
import org.hn.registry.registration.RuleProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The files one poll writes from the §13 ledger, with an injected clock. Its tip, block 780130, is at 1535405400;
 * round 192 runs from 1535407200 to 1535410800.
 */
class PollerTest {

    private static final long IN_ROUND_192 = 1_535_407_300L;

    @TempDir
    Path temporary;
    Path ledgerFile;
    Path out;
    TestClock clock;
    Poller poller;
    List<String> announced;

    @BeforeEach
    void build() throws Exception {
        Files.createDirectories(temporary.resolve("static"));
        ledgerFile = ReferenceLedgerFixture.build(temporary.resolve("static").resolve("ledger.db"));
        out = temporary.resolve("out");
        clock = new TestClock(IN_ROUND_192);
        SqlitePowLedger ledger = new SqlitePowLedger(ledgerFile);
        RegistrationCache cache = new RegistrationCache(
                RegistrationFold.forNetwork(RuleProfile.COMPAT, Network.MAINNET, ledger), 8);
        announced = new ArrayList<>();
        poller = new Poller(ledger, cache, Network.MAINNET, new PluginDirectory(out, 10), clock,
                (snapshot, file) -> announced.add(snapshot.round() + " " + snapshot.status() + " "
                        + out.relativize(file)));
    }

    private String read(String name) throws Exception {
        return Files.readString(out.resolve(name), StandardCharsets.UTF_8);
    }

    private List<String> names(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static String powStatus(long age, boolean synced) {
        return "{\n  \"blocks\": 780130,\n  \"last_block_timestamp\": 1535405400,\n  \"last_block_ago\": " + age
                + ",\n  \"synced\": " + synced + "\n}";
    }

    private Map<String, String> snapshotOfFiles() throws Exception {
        return Map.of("allowlist", read(PluginDirectory.ALLOWLIST), "colored", read(PluginDirectory.COLORED),
                "powstatus", read(PluginDirectory.POW_STATUS), "192", read("hnrounds/192.json"));
    }

    @Test
    void aPollInRound192WritesItsSnapshotAllowlistColoredListsAndAStaleStatus() throws Exception {
        PollReport report = poller.pollOnce();

        assertEquals(new PollReport(192, List.of(out.resolve("hnrounds/192.json")), Optional.empty()), report);
        assertEquals(List.of("192 11 PoW Valid HN. hnrounds/192.json"), announced);
        assertEquals(FixtureSnapshots.round192(), read("hnrounds/192.json"));
        assertEquals(FixtureSnapshots.ALLOWLIST_192, read(PluginDirectory.ALLOWLIST));
        assertEquals(FixtureSnapshots.COLORED, read(PluginDirectory.COLORED));
        // 1535407300 − 1535405400: the PoW node has not produced a block for 31 minutes.
        assertEquals(powStatus(1900, false), read(PluginDirectory.POW_STATUS));
        assertEquals(List.of("allowlist.txt", "colored.json", "hnrounds", "powstatus.json"), names(out));
        assertEquals(List.of("192.json"), names(out.resolve("hnrounds")));
    }

    @Test
    void aSnapshotIsWrittenOnceAndTheNextRoundIsPreparedOnceConfirmed() throws Exception {
        // In round 191, 899 s after the tip: fresh; round 192's reference block 780100 has 30 blocks above it.
        clock.set(1_535_405_400L + 899);
        PollReport first = poller.pollOnce();

        assertEquals(new PollReport(191, List.of(out.resolve("hnrounds/191.json"), out.resolve("hnrounds/192.json")),
                Optional.empty()), first);
        assertEquals(powStatus(899, true), read(PluginDirectory.POW_STATUS));
        List<String> registrars = new ArrayList<>();
        new ObjectMapper().readTree(read("hnrounds/191.json")).get("regs").fieldNames().forEachRemaining(registrars::add);
        assertEquals(List.of(ReferenceLedgerFixture.A1, ReferenceLedgerFixture.A2, ReferenceLedgerFixture.A3,
                ReferenceLedgerFixture.A4, ReferenceLedgerFixture.A5, ReferenceLedgerFixture.A8,
                ReferenceLedgerFixture.A10, ReferenceLedgerFixture.A12, ReferenceLedgerFixture.A15,
                ReferenceLedgerFixture.B1, ReferenceLedgerFixture.A14, ReferenceLedgerFixture.A9), registrars);
        assertTrue(read("hnrounds/191.json").contains("\"status\": \"12 PoW Valid HN.\""));
        assertEquals(FixtureSnapshots.round192(), read("hnrounds/192.json"));

        clock.set(1_535_405_400L + 900);
        assertEquals(new PollReport(191, List.of(), Optional.empty()), poller.pollOnce());
        assertEquals(powStatus(900, false), read(PluginDirectory.POW_STATUS));
        clock.set(IN_ROUND_192);
        assertEquals(new PollReport(192, List.of(), Optional.empty()), poller.pollOnce());
        assertEquals(List.of("191 12 PoW Valid HN. hnrounds/191.json", "192 11 PoW Valid HN. hnrounds/192.json"),
                announced);
    }

    @Test
    void aLateLedgerKeepsTheRoundFilesButStillReportsFreshness() throws Exception {
        poller.pollOnce();
        Map<String, String> before = snapshotOfFiles();

        // Round 193 refers to 780130, the tip itself: 0 confirmations.
        clock.set(1_535_410_900L);
        PollReport late = poller.pollOnce();

        assertEquals(193, late.round());
        assertEquals(List.of(), late.snapshotsWritten());
        assertTrue(late.problem().orElseThrow().startsWith("NOT_CONFIRMED: "), late.problem().orElseThrow());
        assertEquals(before.get("allowlist"), read(PluginDirectory.ALLOWLIST));
        assertEquals(before.get("colored"), read(PluginDirectory.COLORED));
        assertEquals(powStatus(5500, false), read(PluginDirectory.POW_STATUS));
        assertEquals(List.of("192.json"), names(out.resolve("hnrounds")));
    }

    @Test
    void aProblemIsLoggedOncePerChangeOfCondition() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(Poller.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            poller.pollOnce();
            Files.move(ledgerFile, temporary.resolve("moved.db"));
            poller.pollOnce();
            poller.pollOnce();
            Files.move(temporary.resolve("moved.db"), ledgerFile);
            clock.set(1_535_410_900L);
            poller.pollOnce();
            poller.pollOnce();
            clock.set(IN_ROUND_192);
            poller.pollOnce();
            poller.pollOnce();
        } finally {
            logger.detachAppender(events);
        }
        List<String> logged = events.list.stream()
                .map(event -> event.getLevel() + " " + event.getFormattedMessage().replace(out.toString(), "DIR"))
                .map(line -> line.replaceAll("(MISSING_FILE|NOT_CONFIRMED): .*", "$1"))
                .toList();
        assertEquals(List.of(
                "WARN cannot refresh the files in DIR, keeping the previous ones: MISSING_FILE",
                "WARN cannot refresh the files in DIR, keeping the previous ones: NOT_CONFIRMED",
                "INFO PoW ledger readable and files up to date again in DIR"), logged);
    }

    @Test
    void anUnreadableLedgerLeavesEveryPreviousFileInPlace() throws Exception {
        poller.pollOnce();
        Map<String, String> before = snapshotOfFiles();
        Files.move(ledgerFile, temporary.resolve("moved.db"));

        clock.set(IN_ROUND_192 + 60);
        PollReport missing = poller.pollOnce();

        assertTrue(missing.problem().orElseThrow().startsWith("MISSING_FILE: "), missing.problem().orElseThrow());
        assertEquals(before, snapshotOfFiles());
        assertEquals(List.of("allowlist.txt", "colored.json", "hnrounds", "powstatus.json"), names(out));

        Files.writeString(ledgerFile, "not a database");
        assertTrue(poller.pollOnce().problem().orElseThrow().startsWith("NOT_A_DATABASE: "));
        assertEquals(before, snapshotOfFiles());

        Files.delete(ledgerFile);
        Files.move(temporary.resolve("moved.db"), ledgerFile);
        assertEquals(Optional.empty(), poller.pollOnce().problem());
        assertEquals(powStatus(1960, false), read(PluginDirectory.POW_STATUS));
    }
}
