package org.hn.node.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.proto.Command.Type;
import picocli.CommandLine.Command;

/**
 * {@code hn peers}: the node's connections with the height each peer reported, from two requests of one session:
 * {@code status} ({@code peers} section) and {@code getheights} ({@code spec/client.md §4.3, §4.6}).
 */
@Command(
        name = "peers",
        header = "List a node's peer connections and the height each peer reported.",
        description = {
            "JSON: {\"connected_count\": N, \"net_height\": {...} or null, \"peers\": [{\"peer\": \"ip:0port\",",
            "\"outbound\": bool, \"inbound\": bool, \"height\": {...} or null}, ...]}, outbound peers first.",
            "",
            "Example:",
            "  hn peers --data ~/.hn"
        })
public final class PeersCommand extends QueryCommand {

    @Override
    Rendered query(NodeConnection node, Clock clock) throws QueryFailure {
        JsonNode status = node.askJson(Commands.bare(Type.status));
        JsonNode heights = node.askJson(Commands.bare(Type.getheights));
        return render(status.path("peers"), heights);
    }

    /**
     * @param peers   the status's {@code peers} section
     * @param heights the {@code getheights} answer
     */
    static Rendered render(JsonNode peers, JsonNode heights) {
        Set<String> outbound = texts(peers.path("outbound"));
        Set<String> inbound = texts(peers.path("inbound"));
        Set<String> all = new LinkedHashSet<>(outbound);
        all.addAll(inbound);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("connected_count", peers.path("connected_count").asInt());
        json.set("net_height", peers.path("net_height").isObject() ? peers.get("net_height")
                : JsonNodeFactory.instance.nullNode());
        ArrayNode list = json.putArray("peers");
        Table table = new Table("PEER", "DIRECTION", "HEIGHT", "ROUND", "SLOT", "HASH");
        for (String peer : all) {
            JsonNode height = heights.path(peer);
            ObjectNode entry = list.addObject();
            entry.put("peer", peer);
            entry.put("outbound", outbound.contains(peer));
            entry.put("inbound", inbound.contains(peer));
            entry.set("height", height.isObject() ? height : JsonNodeFactory.instance.nullNode());
            String direction = outbound.contains(peer) && inbound.contains(peer) ? "both"
                    : outbound.contains(peer) ? "out" : "in";
            table.row(peer, direction, cell(height, "height"), cell(height, "round"), cell(height, "sir"),
                    cell(height, "block_hash"));
        }
        StringBuilder human = new StringBuilder();
        human.append(peers.path("connected_count").asText("0")).append(" connected: ").append(outbound.size())
                .append(" outbound, ").append(inbound.size()).append(" inbound\n");
        if (!table.isEmpty()) {
            human.append(table.render());
        }
        return Rendered.ok(json, human.toString());
    }

    private static String cell(JsonNode height, String field) {
        return height.isObject() ? height.path(field).asText() : "-";
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
