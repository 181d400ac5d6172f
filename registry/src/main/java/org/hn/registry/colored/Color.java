package org.hn.registry.colored;

import java.util.Locale;
import java.util.Optional;

/**
 * The eleven known colored lists ({@code spec/pow.md §8.1}), in the order of that table (which is the order of
 * {@code colored.json}).
 */
public enum Color {
    /** IPs exempt from the PoW node's provider filter. */
    WHITE,
    /** Substrings of provider descriptions whose inbound IPs the PoW node refuses. */
    CLOUD,
    /** IPs whose rollback requests the PoW node refuses. */
    BROWN,
    /** Known miner IPs (reserved). */
    BISMUTH,
    /** Reserved. */
    GRAY,
    /** Reserved. */
    BLUE,
    /** Reserved. */
    RED,
    /** Reserved. */
    ORANGE,
    /** Banned IPs (reserved, not enforced). */
    BLACK,
    /** {@code KEY=VALUE} network-wide tuneables of hypernodes ({@code spec/ops.md §2.4}), see {@link Rainbow}. */
    RAINBOW,
    /** URLs of hypernode bootstrap archives. */
    BOOTSTRAP;

    /** The name in the operation {@code color:<id>} and in {@code colored.json}, e.g. {@code rainbow}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The color with this exact (lower-case) name, empty for a color nobody consumes. */
    public static Optional<Color> fromId(String id) {
        for (Color color : values()) {
            if (color.id().equals(id)) {
                return Optional.of(color);
            }
        }
        return Optional.empty();
    }
}
