package org.hn.registry.schedule;

import java.util.Objects;

/**
 * One test of a slot: a hypernode that must test another with a given test type
 * ({@code spec/rounds.md §6.2}, {@code §9}).
 *
 * @param tester PoS address of the testing hypernode
 * @param testee PoS address of the tested hypernode, never the tester
 * @param type   test type drawn from the test types ({@code TESTS_TYPE}, by default 0–4)
 */
public record TestAssignment(String tester, String testee, int type) {

    public TestAssignment {
        Objects.requireNonNull(tester, "tester");
        Objects.requireNonNull(testee, "testee");
    }
}
