package org.hn.node.round;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.hn.chain.validation.ForgerSchedule;

/**
 * The juror schedules of the last few rounds this node computed, for judging blocks ({@code spec/chain.md §6.4}
 * step 3). Older rounds are unknown: historical validation then skips the forger check.
 */
public final class RoundSchedules implements ForgerSchedule {

    private static final int ROUNDS_KEPT = 3;

    private final ConcurrentSkipListMap<Long, RoundContext> rounds = new ConcurrentSkipListMap<>();

    /** Remembers a round's context, forgetting the oldest beyond the last three. */
    public void remember(RoundContext context) {
        rounds.put(context.round(), context);
        while (rounds.size() > ROUNDS_KEPT) {
            rounds.pollFirstEntry();
        }
    }

    /** The context of the latest round remembered. */
    public Optional<RoundContext> latest() {
        Map.Entry<Long, RoundContext> last = rounds.lastEntry();
        return last == null ? Optional.empty() : Optional.of(last.getValue());
    }

    @Override
    public Optional<String> forgerOf(long round, int slot) {
        RoundContext context = rounds.get(round);
        return context == null ? Optional.empty() : context.forgerOf(slot);
    }
}
