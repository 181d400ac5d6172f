package org.hn.node.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.proto.Command.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hn hypernodes [PARAM]}: the registered hypernodes ({@code spec/client.md §4.5}). Nodes answer it only to
 * the IPs of their {@code ALLOW_QUERIES_FROM} and close the connection otherwise (exit 2).
 */
@Command(
        name = "hypernodes",
        header = "List the hypernodes of the current round, or a registry view (PARAM).",
        description = {
            "PARAM as in the reference: none (rows [pos, ip, port, weight, registrar, reward]),",
            "'1' (KPIs of the current round), '2' (the PoW registry), or 'full,start_round,end_round'.",
            "JSON: the node's answer as is. Served only to IPs in the node's ALLOW_QUERIES_FROM.",
            "",
            "Examples:",
            "  hn hypernodes --data ~/.hn",
            "  hn hypernodes 2 --data ~/.hn --json"
        })
public final class HypernodesCommand extends QueryCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PARAM", description = "1, 2 or full,start_round,end_round.")
    String parameter;

    @Override
    Rendered query(NodeConnection node, Clock clock) throws QueryFailure {
        return render(node.askJson(parameter == null ? Commands.bare(Type.gethypernodes)
                : Commands.withString(Type.gethypernodes, parameter)));
    }

    /**
     * Rows {@code [pos, ip, port, weight, registrar, reward]} as a table; an object keyed by address as a table whose
     * columns are the fields of its first entry (nested objects such as {@code kpis} in compact JSON).
     */
    static Rendered render(JsonNode answer) {
        if (answer.isEmpty()) {
            return Rendered.ok(answer, "no hypernode\n");
        }
        if (answer.isArray()) {
            Table table = new Table("POS ADDRESS", "IP", "PORT", "WEIGHT", "REGISTRAR", "REWARD");
            answer.forEach(row -> table.row(row.path(0).asText(), row.path(1).asText(), row.path(2).asText(),
                    row.path(3).asText(), row.path(4).asText(), row.path(5).asText()));
            return Rendered.ok(answer, table.render());
        }
        List<String> fields = new ArrayList<>();
        answer.elements().next().fieldNames().forEachRemaining(fields::add);
        List<String> headers = new ArrayList<>();
        headers.add("ADDRESS");
        fields.forEach(field -> headers.add(field.toUpperCase(Locale.ROOT)));
        Table table = new Table(headers.toArray(String[]::new));
        for (Map.Entry<String, JsonNode> entry : answer.properties()) {
            Object[] cells = new Object[fields.size() + 1];
            cells[0] = entry.getKey();
            for (int i = 0; i < fields.size(); i++) {
                JsonNode value = entry.getValue().path(fields.get(i));
                cells[i + 1] = value.isContainerNode() ? value.toString() : value.asText();
            }
            table.row(cells);
        }
        return Rendered.ok(answer, table.render());
    }
}
