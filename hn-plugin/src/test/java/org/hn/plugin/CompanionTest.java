package org.hn.plugin;

import org.hn.chain.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hn.config.Network;
import org.hn.plugin.poll.PollReport;
import org.hn.pow.fixture.ReferenceLedgerFixture;
import org.hn.pow.socket.PowNodeClient;
import org.hn.registry.registration.RuleProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled companion: files, service, and a stop that really stops ({@code DESIGN.md §5}). */
class CompanionTest {

    @TempDir
    Path directory;

    private CompanionSettings settings(Path ledger, int keep) {
        return new CompanionSettings(ledger, directory.resolve("out"), Network.MAINNET, RuleProfile.STRICT,
                new InetSocketAddress("127.0.0.1", 0), keep, Duration.ofHours(1));
    }

    @Test
    void itServesHypernodesUntilClosed() throws Exception {
        Path ledger = ReferenceLedgerFixture.build(directory.resolve("ledger.db"));
        List<String> announced = new ArrayList<>();
        try (Companion companion = new Companion(settings(ledger, 2), new TestClock(1_535_407_300L),
                (snapshot, file) -> announced.add(snapshot.status()))) {
            assertEquals(new PollReport(192, List.of(directory.resolve("out/hnrounds/192.json")), Optional.empty()),
                    companion.pollOnce());
            // The strict profile drops A4 (low collateral) and A15 (port 69x9): §13.4 item 2.
            assertEquals(List.of("9 PoW Valid HN."), announced);
            InetSocketAddress address = companion.start();
            PowNodeClient client = new PowNodeClient(address, Duration.ofSeconds(30));
            assertEquals(9, client.registrationsOfRound(192, 1_535_403_600L).size());
            assertEquals(780_100, client.blockBeforeTimestamp(1_535_403_600L));
        }
        // Nothing accepts or polls any more. (Binding the port again would race with other processes on the machine,
        // which may take the freed port as the source port of their own connections.)
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (Set.of("hn-plugin-accept", "hn-plugin-poller").contains(thread.getName())) {
                thread.join(Duration.ofSeconds(30).toMillis());
                assertFalse(thread.isAlive());
            }
        }
    }

    @Test
    void fewerThanTwoSnapshotsCannotBeKept() {
        assertThrows(IllegalArgumentException.class, () -> settings(directory.resolve("ledger.db"), 1));
    }
}
