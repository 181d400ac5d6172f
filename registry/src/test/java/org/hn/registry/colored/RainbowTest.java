package org.hn.registry.colored;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.hn.registry.colored.IgnoredItem.Reason;
import org.junit.jupiter.api.Test;

/** Rainbow tuneables ({@code spec/ops.md §2.4}): good, bad, out-of-bound and forbidden items. */
class RainbowTest {

    private record Skipped(Reason reason, String item) {
    }

    @Test
    void defaultsWhenTheRainbowIsAbsent() {
        List<IgnoredItem> ignored = new ArrayList<>();
        assertEquals(new Rainbow(8, 40, 18, 20, 2000, 3000, 30, List.of("posnet0002", "posnet0003", "posnet0004")),
                Rainbow.parse(List.of(), ignored::add));
        assertEquals(List.of(), ignored);
    }

    @Test
    void goodItemsApplyAndEveryOtherItemIsSkippedWithItsReason() {
        List<String> items = List.of(
                "TESTS_PER_SLOT=12",
                "MAX_CONNECT_TO=500",
                "PING_DELAY=abc",
                "PING_DELAY= 60 ",
                "ALLOW_UPDATES_FROM=203.0.113.66",
                "BOOTSTRAP_URLS=http://203.0.113.66/evil.tar.gz",
                "FOO=1",
                " MIN_FORGE_CONSENSUS=7",
                "MIN_FORGE_CONSENSUS=007",
                "BLOCK_SYNC_COUNT",
                "MAX_TXS_TO_SYNC=1=2",
                "MAX_TXS_PER_BLOCK=0",
                "MAX_TXS_TO_SYNC=99999999999",
                "POSNET_ALLOW=posnet0003;posnet0004",
                "POSNET_ALLOW=posnet0005;evil",
                "POSNET_ALLOW=",
                "",
                "TESTS_PER_SLOT=+50",
                "PING_DELAY=4",
                "BLOCK_SYNC_COUNT=-20");
        List<IgnoredItem> ignored = new ArrayList<>();

        Rainbow rainbow = Rainbow.parse(items, ignored::add);

        assertEquals(new Rainbow(50, 40, 7, 20, 2000, 3000, 60, List.of("posnet0003", "posnet0004")), rainbow);
        assertEquals(List.of(
                new Skipped(Reason.OUT_OF_BOUNDS, "MAX_CONNECT_TO=500"),
                new Skipped(Reason.NOT_A_NUMBER, "PING_DELAY=abc"),
                new Skipped(Reason.FORBIDDEN_KEY, "ALLOW_UPDATES_FROM=203.0.113.66"),
                new Skipped(Reason.FORBIDDEN_KEY, "BOOTSTRAP_URLS=http://203.0.113.66/evil.tar.gz"),
                new Skipped(Reason.UNKNOWN_KEY, "FOO=1"),
                new Skipped(Reason.UNKNOWN_KEY, " MIN_FORGE_CONSENSUS=7"),
                new Skipped(Reason.MALFORMED, "BLOCK_SYNC_COUNT"),
                new Skipped(Reason.MALFORMED, "MAX_TXS_TO_SYNC=1=2"),
                new Skipped(Reason.OUT_OF_BOUNDS, "MAX_TXS_PER_BLOCK=0"),
                new Skipped(Reason.OUT_OF_BOUNDS, "MAX_TXS_TO_SYNC=99999999999"),
                new Skipped(Reason.BAD_POSNET, "POSNET_ALLOW=posnet0005;evil"),
                new Skipped(Reason.BAD_POSNET, "POSNET_ALLOW="),
                new Skipped(Reason.MALFORMED, ""),
                new Skipped(Reason.OUT_OF_BOUNDS, "PING_DELAY=4"),
                new Skipped(Reason.OUT_OF_BOUNDS, "BLOCK_SYNC_COUNT=-20")),
                ignored.stream().map(item -> new Skipped(item.reason(), item.item())).toList());
        assertEquals(Color.RAINBOW, ignored.get(0).color());
        assertEquals("rainbow item 'MAX_CONNECT_TO=500' ignored (OUT_OF_BOUNDS): MAX_CONNECT_TO must be within 1–200",
                ignored.get(0).toString());
    }

    @Test
    void boundsAreInclusive() {
        List<IgnoredItem> ignored = new ArrayList<>();
        assertEquals(new Rainbow(1, 200, 100, 1000, 1, 10_000, 5, List.of("posnet0001")),
                Rainbow.parse(List.of("TESTS_PER_SLOT=1", "MAX_CONNECT_TO=200", "MIN_FORGE_CONSENSUS=100",
                        "BLOCK_SYNC_COUNT=1000", "MAX_TXS_TO_SYNC=1", "MAX_TXS_PER_BLOCK=10000", "PING_DELAY=5",
                        "POSNET_ALLOW=posnet0001"), ignored::add));
        assertEquals(List.of(), ignored);
        assertEquals(600, Rainbow.parse(List.of("PING_DELAY=600"), ignored::add).pingDelaySeconds());
        assertEquals(List.of(), ignored);
    }
}
