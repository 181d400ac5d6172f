package org.hn.node.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.proto.Command.Type;
import picocli.CommandLine.Command;

/** {@code hn heights}: the last height each peer reported to the node ({@code spec/client.md §4.6}). */
@Command(
        name = "heights",
        header = "Show the chain height each peer last reported to a node.",
        description = {
            "JSON: the node's answer as is, peer key (ip:0port) → {height, round, sir, block_hash, uniques,",
            "uniques_round, forgers, forgers_round}; outbound peers first.",
            "",
            "Example:",
            "  hn heights --data ~/.hn"
        })
public final class HeightsCommand extends QueryCommand {

    @Override
    Rendered query(NodeConnection node, Clock clock) throws QueryFailure {
        return render(node.askJson(Commands.bare(Type.getheights)));
    }

    /** The answer as is, and a table of one row per peer. */
    static Rendered render(JsonNode heights) {
        if (heights.isEmpty()) {
            return Rendered.ok(heights, "no peer reported a height\n");
        }
        Table table = new Table("PEER", "HEIGHT", "ROUND", "SLOT", "HASH", "UNIQUES", "FORGERS");
        for (Map.Entry<String, JsonNode> peer : heights.properties()) {
            JsonNode height = peer.getValue();
            table.row(peer.getKey(), height.path("height").asText(), height.path("round").asText(),
                    height.path("sir").asText(), height.path("block_hash").asText(),
                    height.path("uniques").asText() + "/" + height.path("uniques_round").asText(),
                    height.path("forgers").asText() + "/" + height.path("forgers_round").asText());
        }
        return Rendered.ok(heights, table.render());
    }
}
