package org.hn.node.round;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.hn.registry.round.RoundPlan;
import org.hn.registry.schedule.TestAssignment;

/**
 * A round's schedule in the JSON shapes of the {@code getround} answer ({@code spec/client.md §4.4}), shared by
 * that answer and the round records of the chain database.
 */
public final class ScheduleJson {

    private ScheduleJson() {
    }

    /** Appends {@code [pos, ticket_id]} for each forging slot in slot order (none for a round without forger). */
    public static void slots(RoundPlan plan, ArrayNode into) {
        plan.jurors().jurors().forEach(juror -> into.addArray().add(juror.posAddress()).add(juror.tid()));
    }

    /** Appends one list of {@code [tester_pos, testee_pos, test_type]} per slot, in slot order. */
    public static void testSlots(RoundPlan plan, ArrayNode into) {
        for (List<TestAssignment> slot : plan.tests().slots()) {
            ArrayNode tests = into.addArray();
            slot.forEach(test -> tests.addArray().add(test.tester()).add(test.testee()).add(test.type()));
        }
    }
}
