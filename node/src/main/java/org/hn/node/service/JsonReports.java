package org.hn.node.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hn.chain.store.ActivityMetrics;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.RoundRecord;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.Direction;
import org.hn.node.peers.PeerConnection;
import org.hn.node.round.RoundContext;
import org.hn.node.round.RoundDriver;
import org.hn.node.round.ScheduleJson;
import org.hn.node.server.NodeReports;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.registry.Hypernode;
import org.hn.registry.round.ActivityFilter;
import org.hn.registry.round.RoundPlanner;

/**
 * The JSON answers of the client-only commands ({@code spec/wire.md §9}). The status is the last snapshot taken
 * by {@link #refresh()}, which the daemon calls every {@code STATUS_EVERY} seconds; the other answers are computed
 * per request. Thread-safe.
 */
public final class JsonReports implements NodeReports {

    private final NodeStatus status;
    private final RoundDriver driver;
    private final ChainStore store;
    private final RoundPlanner planner;
    private final ConnectionRegistry connections;
    private final Clock clock;
    private volatile ObjectNode lastStatus;

    /**
     * @param planner gives the PoW registry of any round, for {@code gethypernodes "2,…"}
     */
    public JsonReports(NodeStatus status, RoundDriver driver, ChainStore store, RoundPlanner planner,
                       ConnectionRegistry connections, Clock clock) {
        this.status = status;
        this.driver = driver;
        this.store = store;
        this.planner = planner;
        this.connections = connections;
        this.clock = clock;
    }

    /**
     * Takes a new status snapshot and keeps it for {@link #statusJson()}.
     *
     * @return the snapshot as JSON text, without {@code instance.localtime} (the content of the status file)
     * @throws IllegalStateException if the chain database cannot be read; the previous snapshot is kept
     */
    public String refresh() {
        ObjectNode snapshot = status.snapshot();
        lastStatus = snapshot;
        return PythonJson.render(snapshot);
    }

    @Override
    public String statusJson() {
        ObjectNode snapshot = lastStatus;
        if (snapshot == null) {
            throw new IllegalStateException("no status computed yet");
        }
        ObjectNode answer = snapshot.deepCopy();
        // a decimal, not a double, so that it prints like Python's float (1700000003.25, not 1.70000000325E9)
        ((ObjectNode) answer.get("instance")).put("localtime", BigDecimal.valueOf(clock.millis(), 3));
        return PythonJson.render(answer);
    }

    /** Before the first round was processed: start and previous 0, no peers, {@code slots}/{@code test_slots} null. */
    @Override
    public String roundJson() {
        ObjectNode round = PythonJson.MAPPER.createObjectNode();
        RoundContext context = driver.context().orElse(null);
        round.put("start", context == null ? 0 : context.startedSeconds());
        round.put("previous", context == null ? 0 : context.round());
        ArrayNode connectTo = round.putArray("connect_to");
        if (context == null) {
            round.putNull("slots");
            round.putNull("test_slots");
            return PythonJson.render(round);
        }
        context.connectTo().forEach(hypernode -> row(connectTo.addArray(), hypernode));
        ScheduleJson.slots(context.plan(), round.putArray("slots"));
        ScheduleJson.testSlots(context.plan(), round.putArray("test_slots"));
        return PythonJson.render(round);
    }

    /** The stored texts of {@code pos_rounds} as one object; a row that is not JSON is reported as a read failure. */
    @Override
    public Optional<String> recordedRoundJson(long round) {
        Optional<RoundRecord> record = ChainRead.unchecked(() -> store.round(round));
        if (record.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode answer = PythonJson.MAPPER.createObjectNode();
        answer.put("round", record.get().round());
        try {
            answer.set("active_hns", PythonJson.MAPPER.readTree(record.get().activeHypernodes()));
            answer.set("slots", PythonJson.MAPPER.readTree(record.get().slots()));
            answer.set("test_slots", PythonJson.MAPPER.readTree(record.get().testSlots()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the recorded schedule of round " + round + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        return Optional.of(PythonJson.render(answer));
    }

    /**
     * @throws IllegalArgumentException if the parameter is not {@code ""}, {@code "1"}, {@code "2"} or three
     *                                  comma-separated fields whose rounds are integers
     * @throws IllegalStateException    if the chain or, for {@code "2,…"}, the PoW registry cannot be read
     */
    @Override
    public String hypernodesJson(String parameter) {
        Optional<RoundContext> context = driver.context();
        List<Hypernode> current = context.map(c -> c.plan().hypernodes()).orElse(List.of());
        long round = context.map(RoundContext::round).orElse(0L);
        String query = parameter == null ? "" : parameter.trim();
        if (query.isEmpty()) {
            ArrayNode all = PythonJson.MAPPER.createArrayNode();
            current.forEach(hypernode -> row(all.addArray(), hypernode));
            return PythonJson.render(all);
        }
        if (query.equals("1")) {
            query = "1," + round + "," + round;
        } else if (query.equals("2")) {
            query = "2,0," + round;
        }
        String[] fields = query.split(",", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("gethypernodes takes \"\", \"1\", \"2\" or"
                    + " \"full,start_round,end_round\", got \"" + parameter + "\"");
        }
        long startRound = parseRound(fields[1], parameter);
        long endRound = parseRound(fields[2], parameter);
        String full = fields[0].trim();
        if (full.equals("2")) {
            return PythonJson.render(powRegistry(endRound));
        }
        ActivityMetrics activity = full.equals("1")
                ? ChainRead.unchecked(() -> store.activity(startRound, endRound)) : null;
        ObjectNode byPos = PythonJson.MAPPER.createObjectNode();
        for (Hypernode hypernode : current) {
            ObjectNode entry = byPos.putObject(hypernode.posAddress());
            entry.put("ip", hypernode.ip());
            entry.put("port", hypernode.port());
            entry.put("weight", hypernode.weight());
            entry.put("registrar", hypernode.registrar());
            entry.put("recipient", hypernode.rewardAddress());
            ObjectNode kpis = entry.putObject("kpis");
            if (activity != null) {
                kpis(kpis, hypernode.posAddress(), activity);
            }
        }
        return PythonJson.render(byPos);
    }

    /** Outbound peers first, then inbound peers not already listed; peers that reported no height are left out. */
    @Override
    public String heightsJson() {
        ObjectNode heights = PythonJson.MAPPER.createObjectNode();
        for (Direction direction : List.of(Direction.OUTBOUND, Direction.INBOUND)) {
            connections.connections(direction).stream()
                    .sorted((a, b) -> a.key().toString().compareTo(b.key().toString()))
                    .filter(peer -> !heights.has(peer.key().toString()))
                    .forEach(peer -> peer.heightStatus().ifPresent(height ->
                            HeightJson.fill(heights.putObject(peer.key().toString()), height)));
        }
        return PythonJson.render(heights);
    }

    /** {@code [pos_address, ip, port, weight, pow_registrar, pow_reward]} ({@code spec/wire.md §9.2}). */
    private static void row(ArrayNode into, Hypernode hypernode) {
        into.add(hypernode.posAddress()).add(hypernode.ip()).add(hypernode.port()).add(hypernode.weight())
                .add(hypernode.registrar()).add(hypernode.rewardAddress());
    }

    /** The kpis of {@code spec/wire.md §9.3} for one hypernode; "with activity" = forged or sent a message. */
    private static void kpis(ObjectNode kpis, String address, ActivityMetrics activity) {
        long forged = activity.forged().getOrDefault(address, 0L);
        long sources = activity.sources().getOrDefault(address, 0L);
        if (forged == 0 && sources == 0) {
            for (String key : List.of("success", "errors", "failed_pings", "ok_pings", "warnings", "rounds",
                    "sources")) {
                kpis.put(key, 0);
            }
            kpis.put("active", false);
            return;
        }
        kpis.put("forged", forged);
        kpis.put("sources", sources);
        putIfCounted(kpis, "ok_actions_received", activity.okActionsReceived(), address);
        putIfCounted(kpis, "start_count", activity.startCount(), address);
        putIfCounted(kpis, "no_tests_sent", activity.noTestsSent(), address);
        putIfCounted(kpis, "ok_tests_sent", activity.okTestsSent(), address);
        putIfCounted(kpis, "ko_tests_sent", activity.koTestsSent(), address);
        putIfCounted(kpis, "ko_actions_received", activity.koActionsReceived(), address);
        kpis.put("active", true);
    }

    private static void putIfCounted(ObjectNode kpis, String key, Map<String, Long> counts, String address) {
        long count = counts.getOrDefault(address, 0L);
        if (count != 0) {
            kpis.put(key, count);
        }
    }

    /**
     * The PoW registry as of {@code endRound}, inactive = no activity in {@code endRound − 1}
     * ({@code spec/rounds.md §5.4}).
     */
    private ObjectNode powRegistry(long endRound) {
        List<Hypernode> registry;
        Set<String> inactive;
        try {
            registry = planner.registryOfRound(endRound);
            Set<String> active = ChainRead.unchecked(() -> store.activeHypernodes(endRound - 1, endRound - 1));
            inactive = ActivityFilter.inactive(planner.registryOfRound(endRound - 1), active);
        } catch (PowLedgerUnavailableException e) {
            throw new IllegalStateException("the PoW registry of round " + endRound + " is unavailable: "
                    + e.getMessage(), e);
        }
        ObjectNode byRegistrar = PythonJson.MAPPER.createObjectNode();
        for (Hypernode hypernode : registry) {
            ObjectNode entry = byRegistrar.putObject(hypernode.registrar());
            entry.put("ip", hypernode.ip());
            entry.put("port", hypernode.port());
            entry.put("pos", hypernode.posAddress());
            entry.put("reward", hypernode.rewardAddress());
            entry.put("weight", hypernode.weight());
            entry.put("timestamp", hypernode.timestamp());
            entry.put("active", !inactive.contains(hypernode.posAddress()));
        }
        return byRegistrar;
    }

    private static long parseRound(String text, String parameter) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gethypernodes rounds must be integers, got \"" + parameter + "\"", e);
        }
    }
}
