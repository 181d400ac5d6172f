package org.hn.node.round;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hn.registry.Hypernode;
import org.hn.registry.round.RoundPlan;
import org.hn.registry.schedule.Juror;
import org.hn.registry.schedule.TestAssignment;

/**
 * What a node knows about the round it is in, computed once at the round start ({@code spec/rounds.md §7.2}
 * steps 5–16).
 *
 * @param plan           registry, jurors and test slots of the round
 * @param connectTo      the peers to hold outbound connections to ({@code spec/rounds.md §6.3})
 * @param me             our PoS address
 * @param startedSeconds local time at which we processed the round start, unix seconds
 */
public record RoundContext(RoundPlan plan, List<Hypernode> connectTo, String me, long startedSeconds) {

    public RoundContext {
        connectTo = List.copyOf(connectTo);
    }

    /** The round number. */
    public long round() {
        return plan.round();
    }

    /** The juror of a slot, or empty for slot 19 and a round without forger. */
    public Optional<String> forgerOf(int slot) {
        return plan.jurors().jurorOfSlot(slot).map(Juror::posAddress);
    }

    /** The tests we run as tester in a slot, in schedule order. */
    public List<TestAssignment> ourTests(int slot) {
        return plan.tests().testsOfSlot(slot).stream().filter(test -> test.tester().equals(me)).toList();
    }

    /** Whether we appear in no test of the round, as tester or testee (we then send NO_TEST messages). */
    public boolean hasNoTest() {
        return plan.tests().slots().stream().flatMap(List::stream)
                .noneMatch(test -> test.tester().equals(me) || test.testee().equals(me));
    }

    /** The registration of a PoS address in this round. */
    public Optional<Hypernode> hypernode(String posAddress) {
        return plan.hypernodes().stream().filter(hypernode -> hypernode.posAddress().equals(posAddress)).findFirst();
    }

    /** The IPs of every registered hypernode, inactive included. */
    public Set<String> registeredIps() {
        return plan.hypernodes().stream().map(Hypernode::ip).collect(Collectors.toUnmodifiableSet());
    }

    /** The PoS addresses of every registered hypernode, inactive included. */
    public Set<String> registeredAddresses() {
        return plan.hypernodes().stream().map(Hypernode::posAddress).collect(Collectors.toUnmodifiableSet());
    }
}
