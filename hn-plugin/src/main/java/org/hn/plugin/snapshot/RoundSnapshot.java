package org.hn.plugin.snapshot;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.hn.plugin.json.PythonJson;
import org.hn.registry.Hypernode;
import org.hn.registry.registration.RegistrationState;

/**
 * The registry of one round in the shape of the reference's {@code HN_reg_round} answer and cache file
 * ({@code spec/pow.md §5.6}), without {@code ip_feed}.
 *
 * @param round              PoS round number
 * @param referenceTimestamp unix seconds the reference block was resolved from ({@code ref_ts}, §5.1)
 * @param state              the registry folded through the reference block; its {@code scannedThrough} is the
 *                           {@code ref_height}
 */
public record RoundSnapshot(long round, double referenceTimestamp, RegistrationState state) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public RoundSnapshot {
        Objects.requireNonNull(state, "state");
    }

    /** {@code "<N> PoW Valid HN."}, or {@code "No PoW Valid HN."} for an empty registry. */
    public String status() {
        int count = state.hypernodes().size();
        return count == 0 ? "No PoW Valid HN." : count + " PoW Valid HN.";
    }

    /**
     * The §5.6 object: {@code params} ({@code pos_round}, {@code ref_timestamp} as a float, {@code pow_height} 0,
     * {@code ref_height}), {@code status}, then {@code regs} keyed by registrar in registry order, each with
     * {@code ip, port, pos, reward, weight, timestamp, active} in that order and the registration's timestamp exact.
     */
    public ObjectNode toJson() {
        ObjectNode snapshot = NODES.objectNode();
        ObjectNode params = snapshot.putObject("params");
        params.put("pos_round", round);
        params.set("ref_timestamp", PythonJson.floatNumber(referenceTimestamp));
        params.put("pow_height", 0);
        params.put("ref_height", state.scannedThrough());
        snapshot.put("status", status());
        ObjectNode regs = snapshot.putObject("regs");
        for (Hypernode hypernode : state.hypernodes()) {
            ObjectNode entry = regs.putObject(hypernode.registrar());
            entry.put("ip", hypernode.ip());
            entry.put("port", hypernode.port());
            entry.put("pos", hypernode.posAddress());
            entry.put("reward", hypernode.rewardAddress());
            entry.put("weight", hypernode.weight());
            entry.set("timestamp", PythonJson.ledgerNumber(hypernode.timestamp()));
            entry.put("active", true);
        }
        return snapshot;
    }
}
