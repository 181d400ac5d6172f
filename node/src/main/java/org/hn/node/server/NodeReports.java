package org.hn.node.server;

import java.util.Optional;

/**
 * The JSON answers of the client-only commands ({@code spec/wire.md §9}), as Python's {@code json.dumps}
 * renders them. Methods may block.
 */
public interface NodeReports {

    /**
     * {@code status} ({@code spec/wire.md §4.2, §9.1}): the last status snapshot with
     * {@code instance.localtime} set now.
     *
     * @throws IllegalStateException if no snapshot exists yet
     */
    String statusJson();

    /** {@code getround} ({@code spec/wire.md §9.2}). */
    String roundJson();

    /**
     * {@code getround} with {@code int32_value} = a round, our addition for {@code hn round R} (the reference ignores
     * the parameter and answers the current round): the schedule this node recorded for that round,
     * {@code {"round": R, "active_hns": [pos, …], "slots": [[pos, ticket_id], …], "test_slots": [[[tester, testee,
     * type], …], …]}}.
     *
     * @param round ≥ 0
     * @return empty when the node recorded no schedule for that round
     * @throws IllegalStateException if the chain database cannot be read
     */
    Optional<String> recordedRoundJson(long round);

    /**
     * {@code gethypernodes} ({@code spec/wire.md §9.3}).
     *
     * @param parameter the request's {@code string_value}: {@code ""}, {@code "1"}, {@code "2"} or
     *                  {@code "full,start_round,end_round"}
     * @throws IllegalArgumentException if the parameter cannot be read
     */
    String hypernodesJson(String parameter);

    /** {@code getheights} ({@code spec/wire.md §9.4}). */
    String heightsJson();
}
