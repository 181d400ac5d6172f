package org.hn.node.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.hn.node.cli.VersionProvider;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.proto.Command.Type;
import picocli.CommandLine.Command;

/** {@code hn status}: the node's status ({@code spec/client.md §4.3, §6}) and whether it is healthy. */
@Command(
        name = "status",
        header = "Show a node's status: chain tip, state, peers, mempool, schedule digests.",
        description = {
            "Asks the node for its status. The JSON keeps the reference's field names (config, instance, chain,",
            "mempool, peers, state, tasks, extra, meta, pow, PID) and adds 'client' (version, lib_version,",
            "localtime, rtt in seconds). The meta digests are SHA-256 of canonical JSON (sorted keys, no spaces),",
            "so two nodes with the same registry and slots show the same digests.",
            "",
            "Examples:",
            "  hn status --data ~/.hn",
            "  hn status --node 127.0.0.1:6969 --json"
        })
public final class StatusCommand extends QueryCommand {

    /** How many hex digits of a digest the text shows. */
    private static final int DIGEST_DIGITS = 16;

    @Override
    Rendered query(NodeConnection node, Clock clock) throws QueryFailure {
        long sentMillis = clock.millis();
        JsonNode answer = node.askJson(Commands.bare(Type.status));
        long receivedMillis = clock.millis();
        if (!(answer instanceof ObjectNode status)) {
            throw new QueryFailure(QueryExit.FAILED, "the status is not a JSON object");
        }
        return render(status, VersionProvider.version(), receivedMillis, receivedMillis - sentMillis);
    }

    /**
     * Adds the {@code client} section and judges the node's health.
     *
     * @param receivedMillis when the answer arrived, unix milliseconds
     * @param rttMillis      from sending the request to the answer, milliseconds
     */
    static Rendered render(ObjectNode status, String version, long receivedMillis, long rttMillis) {
        ObjectNode client = status.putObject("client");
        client.put("version", version);
        client.put("lib_version", version);
        client.put("localtime", BigDecimal.valueOf(receivedMillis, 3));
        client.put("rtt", BigDecimal.valueOf(rttMillis, 3));
        List<String> findings = NodeHealth.findings(status);
        return new Rendered(status, human(status, findings), findings.isEmpty() ? QueryExit.OK : QueryExit.UNHEALTHY,
                findings);
    }

    private static String human(JsonNode status, List<String> findings) {
        JsonNode config = status.path("config");
        JsonNode chain = status.path("chain");
        JsonNode state = status.path("state");
        JsonNode peers = status.path("peers");
        JsonNode meta = status.path("meta");
        JsonNode pow = status.path("pow");
        StringBuilder text = new StringBuilder();
        line(text, "node", config.path("address").asText() + " port " + config.path("port").asText() + " ("
                + config.path("posnet").asText() + "), version " + status.path("instance").path("hn_version").asText());
        line(text, "state", state.path("state").asText() + ", round " + state.path("round").asText() + " slot "
                + state.path("sir").asText() + ", forger " + orNone(state.path("forger")));
        line(text, "chain", "height " + chain.path("height").asText() + " (round " + chain.path("round").asText()
                + " slot " + chain.path("sir").asText() + "), hash " + chain.path("block_hash").asText());
        line(text, "", "uniques " + chain.path("uniques").asText() + " (" + chain.path("uniques_round").asText()
                + " this round), forgers " + chain.path("forgers").asText() + " ("
                + chain.path("forgers_round").asText() + " this round)");
        JsonNode best = peers.path("net_height");
        line(text, "network", best.isObject() ? "best height " + best.path("height").asText() + " (round "
                + best.path("round").asText() + " slot " + best.path("sir").asText() + ") held by "
                + best.path("count").asText() + " peers" : "no peer height yet");
        line(text, "peers", peers.path("connected_count").asText() + " connected: " + peers.path("outbound").size()
                + " outbound, " + peers.path("inbound").size() + " inbound");
        line(text, "mempool", status.path("mempool").path("NB").asText() + " messages");
        line(text, "forged", status.path("extra").path("forged_count").asText("?") + " blocks since start");
        line(text, "meta", "round " + meta.path("round").asText() + " slot " + meta.path("sir").asText() + ": "
                + meta.path("all_hns_count").asText() + " hypernodes " + digest(meta, "all_hns_hash") + ", "
                + meta.path("inactive_hns_count").asText() + " inactive " + digest(meta, "inactive_hns_hash"));
        line(text, "", meta.path("powchain_regs_count").asText() + " PoW registrations "
                + digest(meta, "powchain_regs") + ", " + meta.path("active_regs_count").asText() + " active "
                + digest(meta, "active_regs") + ", slots " + digest(meta, "slots"));
        line(text, "pow", pow.has("blocks") ? pow.path("blocks").asText() + " blocks, the last "
                + pow.path("last_block_ago").asText() + " s ago" : "unavailable: " + pow.toString());
        line(text, "health", findings.isEmpty() ? "ok" : "UNHEALTHY: " + String.join("; ", findings));
        line(text, "rtt", status.path("client").path("rtt").asText() + " s");
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-8s %s", label, value)).append('\n');
    }

    private static String digest(JsonNode meta, String field) {
        String hex = meta.path(field).asText();
        return hex.substring(0, Math.min(DIGEST_DIGITS, hex.length()));
    }

    private static String orNone(JsonNode value) {
        return value.isTextual() ? value.asText() : "none";
    }
}
