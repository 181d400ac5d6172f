package org.hn.registry.colored;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.hn.config.Network;

/**
 * Network-wide hypernode tuneables published in the {@code rainbow} colored list ({@code spec/ops.md §2.4},
 * {@code spec/rounds.md §10}).
 *
 * <p>Careful implementation: only numeric protocol parameters within sane bounds and the posnet list are tunable.
 * Security-relevant keys ({@code ALLOW_UPDATES_FROM}, {@code BOOTSTRAP_URLS}) are never applied, and a bad item
 * is skipped with an {@link IgnoredItem} and leaves the default in place instead of stopping the node.
 *
 * @param testsPerSlot      {@code TESTS_PER_SLOT}, tests scheduled per slot (consensus-relevant), 1–50
 * @param maxConnectTo      {@code MAX_CONNECT_TO}, peers a hypernode connects to (topology), 1–200
 * @param minForgeConsensus {@code MIN_FORGE_CONSENSUS}, peers that must agree before forging, 1–100
 * @param blockSyncCount    {@code BLOCK_SYNC_COUNT}, blocks asked per sync request, 1–1000
 * @param maxTxsToSync      {@code MAX_TXS_TO_SYNC}, transactions asked per mempool sync, 1–10000
 * @param maxTxsPerBlock    {@code MAX_TXS_PER_BLOCK}, transactions a forger puts in one block, 1–10000
 * @param pingDelaySeconds  {@code PING_DELAY}, seconds between pings, 5–600
 * @param posnetAllow       {@code POSNET_ALLOW}, posnet versions accepted from peers, never empty
 */
public record Rainbow(int testsPerSlot, int maxConnectTo, int minForgeConsensus, int blockSyncCount,
                      int maxTxsToSync, int maxTxsPerBlock, int pingDelaySeconds, List<String> posnetAllow) {

    /** The values in force when the rainbow is absent or says nothing valid about a key. */
    public static final Rainbow DEFAULTS = new Rainbow(8, 40, 18, 20, 2000, 3000, 30, Network.LEGACY_POSNETS);

    /** Keys that could open a node to remote control; the reference accepted the first (pow.md §12 item 3). */
    private static final Set<String> FORBIDDEN_KEYS = Set.of("ALLOW_UPDATES_FROM", "BOOTSTRAP_URLS");
    private static final String POSNET_KEY = "POSNET_ALLOW";
    private static final Pattern POSNET = Pattern.compile("posnet[0-9]{4}");
    // Python int() accepts surrounding whitespace, a sign and leading zeros; more than 9 digits is out of any bound.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");
    private static final int MAX_DIGITS = 9;

    private enum Tuneable {
        TESTS_PER_SLOT(1, 50),
        MAX_CONNECT_TO(1, 200),
        MIN_FORGE_CONSENSUS(1, 100),
        BLOCK_SYNC_COUNT(1, 1000),
        MAX_TXS_TO_SYNC(1, 10_000),
        MAX_TXS_PER_BLOCK(1, 10_000),
        PING_DELAY(5, 600);

        private final int min;
        private final int max;

        Tuneable(int min, int max) {
            this.min = min;
            this.max = max;
        }

        static Tuneable of(String key) {
            for (Tuneable tuneable : values()) {
                if (tuneable.name().equals(key)) {
                    return tuneable;
                }
            }
            return null;
        }
    }

    public Rainbow {
        posnetAllow = List.copyOf(posnetAllow);
    }

    /**
     * Applies the {@code KEY=VALUE} items of a rainbow over {@link #DEFAULTS}, in order (a later item for the same
     * key wins). Keys are matched exactly (items are not trimmed, {@code spec/pow.md §8.1}); numeric values may
     * carry surrounding whitespace, a sign and leading zeros, as Python's {@code int()} reads them.
     *
     * @param items   the rainbow's items, see {@link ColoredLists#items(Color)}
     * @param ignored receives every item not applied, with its reason
     */
    public static Rainbow parse(List<String> items, Consumer<IgnoredItem> ignored) {
        Objects.requireNonNull(ignored, "ignored");
        Map<Tuneable, Integer> values = new EnumMap<>(Tuneable.class);
        List<String> posnets = DEFAULTS.posnetAllow;
        for (String item : items) {
            String[] parts = item.split("=", -1);
            if (parts.length != 2) {
                ignored.accept(new IgnoredItem(Color.RAINBOW, IgnoredItem.Reason.MALFORMED, item,
                        "expected KEY=VALUE"));
                continue;
            }
            String key = parts[0];
            String value = parts[1];
            Tuneable tuneable = Tuneable.of(key);
            if (FORBIDDEN_KEYS.contains(key)) {
                ignored.accept(new IgnoredItem(Color.RAINBOW, IgnoredItem.Reason.FORBIDDEN_KEY, item,
                        key + " is security-relevant and is never set from the chain"));
            } else if (POSNET_KEY.equals(key)) {
                List<String> parsed = posnets(value);
                if (parsed == null) {
                    ignored.accept(new IgnoredItem(Color.RAINBOW, IgnoredItem.Reason.BAD_POSNET, item,
                            "expected posnetNNNN names separated by ';'"));
                } else {
                    posnets = parsed;
                }
            } else if (tuneable != null) {
                Integer number = number(tuneable, item, value, ignored);
                if (number != null) {
                    values.put(tuneable, number);
                }
            } else {
                ignored.accept(new IgnoredItem(Color.RAINBOW, IgnoredItem.Reason.UNKNOWN_KEY, item,
                        "unknown key " + key));
            }
        }
        return new Rainbow(
                values.getOrDefault(Tuneable.TESTS_PER_SLOT, DEFAULTS.testsPerSlot),
                values.getOrDefault(Tuneable.MAX_CONNECT_TO, DEFAULTS.maxConnectTo),
                values.getOrDefault(Tuneable.MIN_FORGE_CONSENSUS, DEFAULTS.minForgeConsensus),
                values.getOrDefault(Tuneable.BLOCK_SYNC_COUNT, DEFAULTS.blockSyncCount),
                values.getOrDefault(Tuneable.MAX_TXS_TO_SYNC, DEFAULTS.maxTxsToSync),
                values.getOrDefault(Tuneable.MAX_TXS_PER_BLOCK, DEFAULTS.maxTxsPerBlock),
                values.getOrDefault(Tuneable.PING_DELAY, DEFAULTS.pingDelaySeconds),
                posnets);
    }

    private static Integer number(Tuneable tuneable, String item, String value, Consumer<IgnoredItem> ignored) {
        String text = value.strip();
        if (!DECIMAL.matcher(text).matches()) {
            ignored.accept(new IgnoredItem(Color.RAINBOW, IgnoredItem.Reason.NOT_A_NUMBER, item,
                    "'" + value + "' is not a decimal integer"));
            return null;
        }
        String digits = text.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
        long number = digits.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits);
        if (text.startsWith("-")) {
            number = -number;
        }
        if (number < tuneable.min || number > tuneable.max) {
            ignored.accept(new IgnoredItem(Color.RAINBOW, IgnoredItem.Reason.OUT_OF_BOUNDS, item,
                    tuneable.name() + " must be within " + tuneable.min + "–" + tuneable.max));
            return null;
        }
        return (int) number;
    }

    private static List<String> posnets(String value) {
        List<String> posnets = new ArrayList<>();
        for (String posnet : value.split(";", -1)) {
            if (!POSNET.matcher(posnet).matches()) {
                return null;
            }
            posnets.add(posnet);
        }
        return posnets;
    }
}
