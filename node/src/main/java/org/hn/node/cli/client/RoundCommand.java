package org.hn.node.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.time.Clock;
import java.util.List;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.proto.Command.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hn round [R]}: the current round's schedule as the node processed it ({@code spec/client.md §4.4}), or the
 * schedule it recorded for round R ({@code getround} with {@code int32_value = R}, our addition).
 */
@Command(
        name = "round",
        header = "Show the current round's forging schedule, or round R's as the node recorded it.",
        description = {
            "Without R, JSON is the node's getround answer: {start, previous, connect_to, slots, test_slots}.",
            "With R: {round, active_hns, slots, test_slots} as the node recorded it, or false (exit 5).",
            "",
            "Examples:",
            "  hn round --data ~/.hn",
            "  hn round 7697 --data ~/.hn --json"
        })
public final class RoundCommand extends QueryCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "R", description = "A round number (default: the current round).")
    Integer round;

    @Override
    Rendered query(NodeConnection node, Clock clock) throws QueryFailure {
        if (round == null) {
            return renderCurrent(node.askJson(Commands.bare(Type.getround)));
        }
        if (round < 0) {
            throw new QueryFailure(QueryExit.FAILED, "round " + round + ": a round is not negative");
        }
        return renderRecorded(round, node.askJson(Commands.withInt32(Type.getround, round)));
    }

    /** The {@code getround} answer: the round, the peers to connect to, and one row per slot. */
    static Rendered renderCurrent(JsonNode answer) {
        if (!answer.path("slots").isArray()) {
            return Rendered.ok(answer, "no round processed yet\n");
        }
        StringBuilder human = new StringBuilder();
        human.append("round ").append(answer.path("previous").asText()).append(", processed from ")
                .append(ChainRendering.time(answer.path("start").asLong())).append('\n');
        human.append("connect to ").append(answer.path("connect_to").size()).append(" peers\n");
        if (!answer.path("connect_to").isEmpty()) {
            Table peers = new Table("POS ADDRESS", "IP", "PORT", "WEIGHT");
            answer.path("connect_to").forEach(row -> peers.row(row.path(0).asText(), row.path(1).asText(),
                    row.path(2).asText(), row.path(3).asText()));
            human.append(peers.render());
        }
        human.append(slotTable(answer));
        return Rendered.ok(answer, human.toString());
    }

    /** A recorded schedule, or {@code false} and {@link QueryExit#NOT_FOUND} when the node answered {@code null}. */
    static Rendered renderRecorded(long round, JsonNode answer) {
        if (answer.isNull()) {
            return new Rendered(BooleanNode.FALSE, "round " + round + " is not recorded by this node\n",
                    QueryExit.NOT_FOUND, List.of("round " + round + " is not recorded by this node"));
        }
        String human = "round " + answer.path("round").asText() + " (recorded), "
                + answer.path("active_hns").size() + " active hypernodes\n" + slotTable(answer);
        return Rendered.ok(answer, human);
    }

    /** {@code SLOT FORGER TICKET TESTS}: each forging slot's juror and how many tests it runs. */
    private static String slotTable(JsonNode schedule) {
        Table table = new Table("SLOT", "FORGER", "TICKET", "TESTS");
        JsonNode slots = schedule.path("slots");
        for (int slot = 0; slot < slots.size(); slot++) {
            table.row(slot, slots.path(slot).path(0).asText(), slots.path(slot).path(1).asText(),
                    schedule.path("test_slots").path(slot).size());
        }
        return table.render();
    }
}
