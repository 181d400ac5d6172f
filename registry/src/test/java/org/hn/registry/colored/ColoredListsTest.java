package org.hn.registry.colored;

import static org.hn.pow.fixture.ReferenceLedgerFixture.A1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.C;
import static org.hn.pow.fixture.ReferenceLedgerFixture.M;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hn.config.Network;
import org.hn.pow.devnet.BlockWriter;
import org.hn.pow.devnet.PowTransaction;
import org.hn.pow.fixture.ReferenceLedgerFixture;
import org.hn.pow.ledger.ColoredListRow;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.PowLedgerUnavailableException.Reason;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colored lists in force for a round ({@code spec/pow.md §8}, §13.4 item 9). */
class ColoredListsTest {

    private static final String BOOTSTRAP = "http://bootstrap.example.invalid/hn_bs.tar.gz";
    private static final List<String> RAINBOW_776100 = List.of("MAX_CONNECT_TO=35", "TESTS_PER_SLOT=10",
            "POSNET_ALLOW=posnet0002;posnet0003", "MIN_FORGE_CONSENSUS=20");

    @TempDir
    Path directory;

    private static Map<Color, List<String>> fixtureLists(List<String> white, List<String> cloud) {
        return Map.of(Color.WHITE, white, Color.CLOUD, cloud, Color.BROWN, List.of("203.0.113.50"),
                Color.RAINBOW, RAINBOW_776100, Color.BOOTSTRAP, List.of(BOOTSTRAP));
    }

    @Test
    void theFixtureListsOfRound192WithoutTheForgedRainbow() throws Exception {
        SqlitePowLedger ledger = new SqlitePowLedger(ReferenceLedgerFixture.build(directory.resolve("ledger.db")));

        ColoredLists lists = ColoredLists.ofRound(ledger, Network.MAINNET, 192);

        assertEquals(new ColoredLists(fixtureLists(List.of("198.51.100.1", "198.51.100.2"),
                List.of("amazon", "choopa"))), lists);
        assertEquals(List.of(), lists.items(Color.BLACK));
        assertEquals(List.of(Color.values()), List.copyOf(lists.lists().keySet()));
        List<IgnoredItem> ignored = new ArrayList<>();
        assertEquals(new Rainbow(10, 35, 20, 20, 2000, 3000, 30, List.of("posnet0002", "posnet0003")),
                lists.rainbow(ignored::add));
        assertEquals(List.of(URI.create(BOOTSTRAP)), lists.bootstrapUrls(ignored::add));
        assertEquals(List.of(), ignored);
    }

    @Test
    void aColorComesIntoForceOnlyOnceItsBlockIsBelowAConfirmedReferenceBlock() throws Exception {
        Path file = ReferenceLedgerFixture.build(directory.resolve("ledger.db"));
        SqlitePowLedger ledger = new SqlitePowLedger(file);
        BigDecimal time = ReferenceLedgerFixture.transactionTimestamp(780_131);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            BlockWriter writer = new BlockWriter(connection);
            writer.appendBlock(780_131, ReferenceLedgerFixture.blockTimestamp(780_131), M, List.of(
                    new PowTransaction(C, C, BigDecimal.ZERO, "color:white", "203.0.113.7", time),
                    new PowTransaction(A1, C, BigDecimal.ZERO, "color:black", "198.51.100.1", time),
                    new PowTransaction(A1, A1, BigDecimal.ZERO, "color:rainbow", "TESTS_PER_SLOT=1", time),
                    new PowTransaction(C, C, BigDecimal.ZERO, "color:cloud", "first", time),
                    new PowTransaction(C, C, BigDecimal.ZERO, "color:cloud", "second", time)));
            // Round 193 refers to block 780160 (ts 1535407200); up to 780175 it has 15 blocks above it.
            for (long height = 780_132; height <= 780_175; height++) {
                writer.appendBlock(height, ReferenceLedgerFixture.blockTimestamp(height), M, List.of());
            }
            ColoredLists before = new ColoredLists(fixtureLists(List.of("198.51.100.1", "198.51.100.2"),
                    List.of("amazon", "choopa")));
            assertEquals(before, ColoredLists.ofRound(ledger, Network.MAINNET, 192));
            assertEquals(Reason.NOT_CONFIRMED, assertThrows(PowLedgerUnavailableException.class,
                    () -> ColoredLists.ofRound(ledger, Network.MAINNET, 193)).reason());

            for (long height = 780_176; height <= 780_181; height++) {
                writer.appendBlock(height, ReferenceLedgerFixture.blockTimestamp(height), M, List.of());
            }
        }
        // 21 blocks above 780160: the control address's rows of 780131 are in force, the later cloud row winning;
        // the row sent to the control address and the one sent by A1 never are.
        assertEquals(new ColoredLists(fixtureLists(List.of("203.0.113.7"), List.of("second"))),
                ColoredLists.ofRound(ledger, Network.MAINNET, 193));
    }

    @Test
    void itemsAreSplitOnCommasAfterStrippingTheOpenfieldOnly() {
        assertEquals(List.of("a", " b ", "", "c"), ColoredLists.splitItems("  a, b ,,c \n"));
        assertEquals(List.of("a", ""), ColoredLists.splitItems("a,"));
        assertEquals(List.of(), ColoredLists.splitItems(""));
        assertEquals(List.of(), ColoredLists.splitItems(" \t "));
    }

    @Test
    void onlyAbsoluteHttpAndHttpsBootstrapUrlsAreUsed() {
        ColoredLists lists = new ColoredLists(Map.of(Color.BOOTSTRAP, List.of("https://a.example/hn.tar.gz",
                "ftp://a.example/hn.tar.gz", "file:///etc/passwd", "http://", "not a url", "HTTP://B.example/y",
                "/relative/hn.tar.gz")));
        List<IgnoredItem> ignored = new ArrayList<>();

        assertEquals(List.of(URI.create("https://a.example/hn.tar.gz"), URI.create("HTTP://B.example/y")),
                lists.bootstrapUrls(ignored::add));
        assertEquals(List.of("ftp://a.example/hn.tar.gz", "file:///etc/passwd", "http://", "not a url",
                "/relative/hn.tar.gz"), ignored.stream().map(IgnoredItem::item).toList());
        assertEquals(List.of(IgnoredItem.Reason.BAD_URL), ignored.stream().map(IgnoredItem::reason).distinct().toList());
    }

    @Test
    void rowsOfUnknownColorsAreDropped() {
        assertEquals(ColoredLists.empty(), ColoredLists.fromRows(List.of(
                new ColoredListRow("purple", "x", 774_000))));
    }
}
