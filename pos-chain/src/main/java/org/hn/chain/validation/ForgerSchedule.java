package org.hn.chain.validation;

import java.util.Optional;

/**
 * Who forges which slot: the juror schedule of a round ({@code spec/rounds.md §4}), provided by the registry.
 */
@FunctionalInterface
public interface ForgerSchedule {

    /**
     * The PoS address of the juror of a slot.
     *
     * @param round the round number
     * @param slot  the slot in round, 0–18
     * @return the juror's address; empty when this node does not know the round's schedule (a historical
     *         round it never computed) or the round has no forger
     */
    Optional<String> forgerOf(long round, int slot);
}
