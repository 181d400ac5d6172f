package org.hn.chain.store;

import java.util.List;
import java.util.Objects;

/**
 * One past round as a node lived it ({@code DESIGN.md §6}): what its chain holds of the round and the stats the node
 * recorded at the round's end. Read by {@link RoundHistory}.
 *
 * @param stats         the node's {@link RoundStats} of the round
 * @param blocks        blocks of the round in the chain
 * @param forgers       their forgers' addresses, in slot order, one per block
 * @param posMessages   PoS messages those blocks carry
 * @param testsSent     test results those blocks carry from the node ({@code what} 202 other than {@code START},
 *                      and 204: {@code spec/chain.md §4.4})
 * @param testsReceived test results those blocks carry about the node
 */
public record RoundSummary(RoundStats stats, int blocks, List<String> forgers, long posMessages, long testsSent,
                           long testsReceived) {

    public RoundSummary {
        Objects.requireNonNull(stats, "stats");
        forgers = List.copyOf(forgers);
    }
}
