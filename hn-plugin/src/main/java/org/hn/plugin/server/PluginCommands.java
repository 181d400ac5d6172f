package org.hn.plugin.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hn.config.Network;
import org.hn.plugin.json.ColoredJson;
import org.hn.plugin.json.PythonJson;
import org.hn.plugin.snapshot.RoundSnapshot;
import org.hn.plugin.snapshot.SnapshotDirectory;
import org.hn.pow.ledger.PowLedger;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.RoundReference;
import org.hn.registry.colored.ColoredLists;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the hypernode commands of the reference's plugin ({@code spec/pow.md §9.4}) that hypernodes use in normal
 * operation, read-only: {@code HN_plugin_version}, {@code HN_last_block_ts}, {@code HN_block_before_ts <ts>} and
 * {@code HN_reg_round <R> <ref_ts> <pow_height> <ip|False>}, plus ours: {@code HN_colored <R>} and
 * {@code HN_allowlist <R>}. Answers are JSON text as Python's {@code json.dumps}
 * writes it. Thread-safe.
 *
 * <p>Differences from the reference, on purpose: {@code HN_last_block_ts} gives the coinbase timestamp of the
 * highest block (§6.4); the diagnostic forms of {@code HN_reg_round} (a forced height or an IP feed) answer
 * {@code false} instead of re-scanning the whole ledger for any caller, and so does a reference time that is not
 * the round's ({@code §5.1}; hypernodes always send the round's own) unless the round's snapshot exists; a request
 * never writes the cache, so a caller cannot store a registry under a round's name.
 */
public final class PluginCommands {

    /** Versions announced to hypernodes: those of the reference plugin this companion stands in for (§9.2). */
    public static final String PLUGIN_VERSION = "0.1.3";
    /** Version of the reference's query helper this companion answers like (§9.2). */
    public static final String LEDGER_QUERIES_VERSION = "0.0.3";

    private static final Logger LOG = LoggerFactory.getLogger(PluginCommands.class);
    private static final int REG_ROUND_PARAMETERS = 4;

    private final Network network;
    private final PowLedger ledger;
    private final RegistrationCache cache;
    private final SnapshotDirectory snapshots;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    /**
     * @param network   whose round arithmetic gives each round's reference time
     * @param ledger    read for the tip and reference blocks
     * @param cache     the registry cache over the same ledger
     * @param snapshots served as they are when present
     */
    public PluginCommands(Network network, PowLedger ledger, RegistrationCache cache, SnapshotDirectory snapshots) {
        this.network = Objects.requireNonNull(network, "network");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    }

    /**
     * The answer to one command string.
     *
     * @param command e.g. {@code "HN_reg_round 192 1535403600 0 False"}: a name, then parameters separated by single
     *                spaces
     * @return the answer's JSON text, or empty for a command this plugin does not know (the caller then closes the
     *         connection without answering, as the reference leaves such a command unanswered)
     */
    public Optional<String> answer(String command) {
        List<String> words = Arrays.asList(command.split(" ", -1));
        List<String> parameters = words.subList(1, words.size());
        return Optional.ofNullable(switch (words.get(0)) {
            case "HN_plugin_version" -> pluginVersion();
            case "HN_last_block_ts" -> lastBlockTimestamp();
            case "HN_block_before_ts" -> blockBeforeTimestamp(parameters);
            case "HN_reg_round" -> registrationsOfRound(parameters);
            case "HN_colored" -> coloredLists(parameters);
            case "HN_allowlist" -> allowlist(parameters);
            default -> null;
        }).map(PythonJson::compact);
    }

    /**
     * {@code HN_colored <R>} (ours): the colored lists in force for round R, as {@code colored.json} holds them;
     * {@code false} when the round's reference block is not confirmed or R is not a number.
     */
    private JsonNode coloredLists(List<String> parameters) {
        try {
            long round = Long.parseLong(parameters.get(0));
            return ColoredJson.of(ColoredLists.ofRound(ledger, network, round));
        } catch (IndexOutOfBoundsException | NumberFormatException | PowLedgerUnavailableException e) {
            LOG.debug("HN_colored {}: {}", String.join(" ", parameters), e.getMessage());
            return BooleanNode.FALSE;
        }
    }

    /**
     * {@code HN_allowlist <R>} (ours): the IPs of the hypernodes registered for round R, in registry order, for
     * firewalls; {@code false} when the registry cannot be computed or R is not a number.
     */
    private JsonNode allowlist(List<String> parameters) {
        try {
            long round = Long.parseLong(parameters.get(0));
            ArrayNode ips = JsonNodeFactory.instance.arrayNode();
            cache.registryOfRound(network, round).hypernodes().forEach(hypernode -> ips.add(hypernode.ip()));
            return ips;
        } catch (IndexOutOfBoundsException | NumberFormatException | PowLedgerUnavailableException e) {
            LOG.debug("HN_allowlist {}: {}", String.join(" ", parameters), e.getMessage());
            return BooleanNode.FALSE;
        }
    }

    private static JsonNode pluginVersion() {
        ObjectNode versions = JsonNodeFactory.instance.objectNode();
        versions.put("hn_plugin", PLUGIN_VERSION);
        versions.put("ledger_queries", LEDGER_QUERIES_VERSION);
        return versions;
    }

    /** Timestamp of the highest block's coinbase row; 0 when the ledger cannot answer. */
    private JsonNode lastBlockTimestamp() {
        try {
            return PythonJson.ledgerNumber(ledger.tip().timestamp());
        } catch (PowLedgerUnavailableException e) {
            LOG.debug("HN_last_block_ts: {}", e.getMessage());
            return IntNode.valueOf(0);
        }
    }

    /** §5.1 steps 3–4: the reference block of a timestamp; 0 when late, unknown, or the parameter is unusable. */
    private JsonNode blockBeforeTimestamp(List<String> parameters) {
        Double timestamp = parameters.isEmpty() ? null : finiteNumber(parameters.get(0));
        if (timestamp == null) {
            return IntNode.valueOf(0);
        }
        try {
            return LongNode.valueOf(ledger.referenceBlock(timestamp).height());
        } catch (PowLedgerUnavailableException e) {
            LOG.debug("HN_block_before_ts {}: {}", parameters.get(0), e.getMessage());
            return IntNode.valueOf(0);
        }
    }

    /** §9.4 steps 1–3 for a regular request: the round's snapshot, else the registry at the reference block. */
    private JsonNode registrationsOfRound(List<String> parameters) {
        if (parameters.size() < REG_ROUND_PARAMETERS) {
            return BooleanNode.FALSE;
        }
        Long round = integer(parameters.get(0));
        Double referenceTimestamp = finiteNumber(parameters.get(1));
        Long powHeight = integer(parameters.get(2));
        boolean noIp = parameters.get(3).equalsIgnoreCase("false");
        if (round == null || round < 0 || referenceTimestamp == null || powHeight == null || powHeight > 0 || !noIp) {
            return BooleanNode.FALSE;
        }
        try {
            Optional<JsonNode> stored = storedSnapshot(round);
            if (stored.isPresent()) {
                return stored.get();
            }
            if (referenceTimestamp != RoundReference.referenceTimestamp(network, round)) {
                return BooleanNode.FALSE;
            }
            long referenceHeight = ledger.referenceBlock(referenceTimestamp).height();
            // §5.2: nothing is read at or below the checkpoint, so an older reference block has an empty registry.
            RegistrationState state = referenceHeight <= PowLedger.REGISTRATION_CHECKPOINT
                    ? new RegistrationState(referenceHeight, List.of(), List.of())
                    : cache.registryAt(referenceHeight);
            return new RoundSnapshot(round, referenceTimestamp, state).toJson();
        } catch (PowLedgerUnavailableException e) {
            LOG.debug("HN_reg_round {}: {}", String.join(" ", parameters), e.getMessage());
            return BooleanNode.FALSE;
        }
    }

    private Optional<JsonNode> storedSnapshot(long round) {
        try {
            Optional<String> text = snapshots.read(round);
            if (text.isPresent()) {
                return Optional.of(json.readTree(text.get()));
            }
        } catch (JsonProcessingException e) {
            LOG.warn("snapshot of round {} is not valid JSON, computing the registry instead: {}", round,
                    e.getOriginalMessage());
        } catch (IOException e) {
            LOG.warn("snapshot of round {} unreadable, computing the registry instead: {}", round, e.toString());
        }
        return Optional.empty();
    }

    /** Python {@code int()} of a parameter, or null. */
    private static Long integer(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Python {@code float()} of a parameter when finite, or null. */
    private static Double finiteNumber(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) && Math.abs(value) < 1e16 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
