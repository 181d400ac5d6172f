package org.hn.chain.store;

import java.util.Objects;

/**
 * The schedule a node computed for one round, as stored in the reference's {@code pos_rounds} table
 * ({@code spec/chain.md §7.1}, {@code DESIGN.md §6}), for operators and for checking a round afterwards. Not
 * consensus data: the texts are JSON in a shape chosen by the node.
 *
 * @param round            the round number
 * @param activeHypernodes JSON text: the round's active hypernodes
 * @param slots            JSON text: the forger of each slot
 * @param testSlots        JSON text: the tests of each slot
 */
public record RoundRecord(long round, String activeHypernodes, String slots, String testSlots) {

    public RoundRecord {
        Objects.requireNonNull(activeHypernodes, "activeHypernodes");
        Objects.requireNonNull(slots, "slots");
        Objects.requireNonNull(testSlots, "testSlots");
    }
}
