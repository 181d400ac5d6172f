package org.hn.pow.ledger;

import java.util.Objects;

/**
 * The transaction that currently sets one colored list ({@code spec/pow.md §8.1}): the latest {@code color:<name>}
 * row sent by the PoW control address, as stored. Interpreting the openfield is the registry's concern.
 *
 * @param color       the name after {@code color:}, e.g. {@code rainbow}; may be a color nobody consumes
 * @param openfield   the raw openfield; {@code ""} when the cell is NULL
 * @param blockHeight height of the block that holds the row
 */
public record ColoredListRow(String color, String openfield, long blockHeight) {

    /** Prefix of the operation of a colored-list transaction. */
    public static final String OPERATION_PREFIX = "color:";

    public ColoredListRow {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(openfield, "openfield");
    }
}
