package org.hn.registry.colored;

import java.util.Objects;

/**
 * An item of a colored list that was not applied, with a named reason ({@code spec/ops.md §2.4}, careful
 * implementation: skip it with a warning and keep the previous value rather than stop the node).
 *
 * @param color  the list it came from
 * @param reason why it was skipped
 * @param item   the item exactly as published
 * @param detail human-readable explanation for the log
 */
public record IgnoredItem(Color color, Reason reason, String item, String detail) {

    /** Why an item was skipped. */
    public enum Reason {
        /** Not exactly one {@code =} between a key and a value. */
        MALFORMED,
        /** A key hypernodes do not know. */
        UNKNOWN_KEY,
        /** A security-relevant key (update sources, URLs) that must never be tuned remotely. */
        FORBIDDEN_KEY,
        /** The value of a numeric key is not a decimal integer. */
        NOT_A_NUMBER,
        /** The value of a numeric key is outside its sane bounds. */
        OUT_OF_BOUNDS,
        /** A {@code POSNET_ALLOW} value that is not a {@code ;}-separated list of {@code posnetNNNN} names. */
        BAD_POSNET,
        /** A bootstrap item that is not an absolute http or https URL with a host. */
        BAD_URL
    }

    public IgnoredItem {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return color.id() + " item '" + item + "' ignored (" + reason + "): " + detail;
    }
}
