package org.hn.registry.schedule;

import java.util.Objects;

/**
 * The hypernode that forges one slot of a round ({@code spec/rounds.md §4.2}).
 *
 * @param slot       forging slot, 0–18
 * @param posAddress PoS address of the forger; one address may hold several slots
 * @param tid        number of the ticket that won the slot
 */
public record Juror(int slot, String posAddress, int tid) {

    public Juror {
        Objects.requireNonNull(posAddress, "posAddress");
    }
}
