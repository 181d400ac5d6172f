package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hn.pow.devnet.DevnetHypernode;
import org.hn.pow.devnet.DevnetLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hn plugin}: usage, bad options, and one real pass over a devnet ledger. */
class PluginCommandTest {

    private static final List<String> POS = List.of("bUBUMj1c7rBrmfDTgPuBr2yNnJg8MpW1PV",
            "bQf5wT2GCAmTXgvDKdyZwYE4DoffxZyrzq", "ba3v8ooan5mBzHuaVzh4vsz9A8LwABZS2t");

    @TempDir
    Path directory;

    @Test
    void helpTeachesTheFilesTheServiceAndEveryOption() {
        HnRun help = HnRun.of("plugin", "--help");

        assertEquals(0, help.exit());
        for (String expected : List.of("hnrounds/<R>.json", "allowlist.txt", "colored.json", "powstatus.json",
                "HN_reg_round", "--ledger=FILE", "--dir=DIR", "--network=NETWORK", "--profile=PROFILE",
                "--listen=HOST:PORT", "--keep=N", "--interval=SECONDS", "--once", "default: 127.0.0.1:5659",
                "Examples:")) {
            assertTrue(help.out().replaceAll("\\s+", " ").contains(expected), expected + " missing from:\n" + help.out());
        }
        assertTrue(HnRun.of("--help").out().contains("plugin"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        Path ledger = directory.resolve("ledger.db");
        assertEquals(2, HnRun.of("plugin").exit());
        HnRun listen = HnRun.of("plugin", "--ledger", ledger.toString(), "--listen", "5659");
        assertEquals(2, listen.exit());
        assertTrue(listen.err().contains("--listen: expected HOST:PORT"), listen.err());
        assertEquals(2, HnRun.of("plugin", "--ledger", ledger.toString(), "--listen", "127.0.0.1:70000").exit());
        HnRun network = HnRun.of("plugin", "--ledger", ledger.toString(), "--network", "regnet");
        assertEquals(2, network.exit());
        assertTrue(network.err().contains("unknown network 'regnet'"), network.err());
        assertEquals(2, HnRun.of("plugin", "--ledger", ledger.toString(), "--profile", "lenient").exit());
        HnRun keep = HnRun.of("plugin", "--ledger", ledger.toString(), "--keep", "1");
        assertEquals(2, keep.exit());
        assertTrue(keep.err().contains("--keep must be at least 2"), keep.err());
        assertEquals(2, HnRun.of("plugin", "--ledger", ledger.toString(), "--interval", "0").exit());
    }

    @Test
    void onceOverAMissingLedgerFailsWithTheReason() {
        HnRun missing = HnRun.of("plugin", "--ledger", directory.resolve("static/ledger.db").toString(), "--once");

        assertEquals(1, missing.exit());
        assertTrue(missing.err().startsWith("hn plugin: MISSING_FILE: "), missing.err());
    }

    @Test
    void onceOverADevnetLedgerWritesTheFilesOfTheCurrentRound() throws Exception {
        Path ledger = directory.resolve("static").resolve("ledger.db");
        Files.createDirectories(ledger.getParent());
        List<DevnetHypernode> hypernodes = List.of(DevnetHypernode.loopback(0, 7000, POS.get(0)),
                DevnetHypernode.loopback(1, 7000, POS.get(1)), DevnetHypernode.loopback(2, 7000, POS.get(2)));
        DevnetLedger.create(ledger, hypernodes, Duration.ofSeconds(1), Duration.ofSeconds(400), Duration.ofSeconds(10),
                Clock.systemUTC()).close();

        HnRun once = HnRun.of("plugin", "--ledger", ledger.toString(), "--network", "devnet", "--profile", "strict",
                "--once");

        assertEquals(0, once.exit(), once.err());
        // The files go to the PoW node's folder, the parent of static/.
        Matcher line = Pattern.compile("round (\\d+): 3 PoW Valid HN\\. \\(reference block \\d+\\) -> (.+)")
                .matcher(once.out().lines().findFirst().orElseThrow());
        assertTrue(line.matches(), once.out());
        assertEquals(directory.resolve("hnrounds").resolve(line.group(1) + ".json").toString(), line.group(2));
        assertEquals("127.0.0.1\n127.0.0.2\n127.0.0.3\n",
                Files.readString(directory.resolve("allowlist.txt"), StandardCharsets.UTF_8));
        assertTrue(Files.readString(directory.resolve("powstatus.json")).contains("\"synced\": true"));
        assertTrue(Files.readString(directory.resolve("colored.json")).contains("\"rainbow\": [],"));
        try (Stream<Path> rounds = Files.list(directory.resolve("hnrounds"))) {
            assertEquals(once.out().lines().count(), rounds.count());
        }
    }
}
