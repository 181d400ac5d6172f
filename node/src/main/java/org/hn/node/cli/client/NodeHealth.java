package org.hn.node.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a node is healthy, judged from its status ({@code spec/client.md §6.1}); {@code hn status} exits with
 * {@link QueryExit#UNHEALTHY} when not. Two findings, from the fields every node reports:
 * <ul>
 *   <li>state {@code POW_NOT_SYNC}: the node's PoW source is late or unreadable, so it cannot compute rounds;</li>
 *   <li>the node is the scheduled forger of the current slot ({@code state.forger = config.address}) but in a
 *       state from which it cannot forge ({@code START}: too few peers, or catching up).</li>
 * </ul>
 */
final class NodeHealth {

    /** States from which a scheduled node forges its slot, or has just done so ({@code spec/rounds.md §7}). */
    private static final Set<String> CAN_FORGE = Set.of("SYNCING", "STRONG_CONSENSUS", "FORGING", "SENDING",
            "NEWROUND", "ROUND_SYNC");

    private NodeHealth() {
    }

    /** What is wrong, one sentence each; empty when healthy. */
    static List<String> findings(JsonNode status) {
        List<String> findings = new ArrayList<>();
        JsonNode state = status.path("state");
        String name = state.path("state").asText("");
        String forger = state.path("forger").textValue();
        if (name.equals("POW_NOT_SYNC")) {
            findings.add("the PoW source is not synced (state POW_NOT_SYNC)");
        } else if (forger != null && forger.equals(status.path("config").path("address").textValue())
                && !CAN_FORGE.contains(name)) {
            findings.add("scheduled to forge slot " + state.path("sir").asText() + " of round "
                    + state.path("round").asText() + " but in state " + name);
        }
        return findings;
    }
}
