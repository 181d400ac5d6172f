package org.hn.registry.round;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hn.registry.Hypernode;

/**
 * Which hypernodes lose their forging tickets for a round because they showed no activity in the previous one
 * ({@code spec/rounds.md §5.4}).
 */
public final class ActivityFilter {

    /** {@code MIN_ACTIVE_HNS}: below this many active hypernodes, nobody is marked inactive. */
    public static final int MIN_ACTIVE_HNS = 10;

    private ActivityFilter() {
    }

    /**
     * The PoS addresses to mark inactive in round R.
     *
     * @param previousRegistry     the registry of round R−1 (computed for R−1, not the list in memory: §11 item 2)
     * @param activeInPreviousRound forgers and message senders of round R−1's blocks in the local chain
     * @return the addresses of {@code previousRegistry} without activity, in registry order; empty when fewer
     *         than {@link #MIN_ACTIVE_HNS} were active
     */
    public static Set<String> inactive(List<Hypernode> previousRegistry, Set<String> activeInPreviousRound) {
        Set<String> inactive = new LinkedHashSet<>();
        if (activeInPreviousRound.size() < MIN_ACTIVE_HNS) {
            return inactive;
        }
        for (Hypernode hypernode : previousRegistry) {
            if (!activeInPreviousRound.contains(hypernode.posAddress())) {
                inactive.add(hypernode.posAddress());
            }
        }
        return inactive;
    }
}
