package org.hn.node.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.store.ChainStore;
import org.hn.config.Network;
import org.hn.node.consensus.ObservedChain;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.Direction;
import org.hn.node.peers.PeerConnection;
import org.hn.node.round.RoundContext;
import org.hn.node.round.RoundDriver;
import org.hn.node.wire.hello.HelloString;
import org.hn.registry.Hypernode;
import org.hn.registry.schedule.Juror;

/**
 * Computes the status object ({@code spec/wire.md §9.1}, {@code spec/client.md §6.1}) from the node's parts, plus
 * our own section {@code hn} with the progress figures {@code hn devnet} reads: {@code network},
 * {@code rounds_completed}, {@code forged_count}, {@code connected_count}, {@code round} (the round processed,
 * null before the first), {@code slot} (by wall clock), {@code height}, {@code block_hash} and {@code state}.
 *
 * <p>The {@code meta} digests are {@link PythonJson#digest canonical}: sorted address sets (registered, inactive,
 * PoW registrars, active) and the slot list in slot order as {@code [[pos, ticket_id], …]}. The {@code tasks}
 * section counts live threads by name without trailing numbers.
 */
public final class NodeStatus {

    private final Network network;
    private final Clock clock;
    private final ChainStore store;
    private final Mempool mempool;
    private final RoundDriver driver;
    private final ConnectionRegistry connections;
    private final HelloString ownHello;
    private final StatusIdentity identity;
    private final Supplier<Map<String, Object>> powStatus;

    /**
     * @param powStatus the companion PoW node's published status ({@code spec/pow.md §9.3}), passed through;
     *                  a failing supplier or a null status shows as {@code {"Error": reason}}
     */
    public NodeStatus(Network network, Clock clock, ChainStore store, Mempool mempool, RoundDriver driver,
                      ConnectionRegistry connections, HelloString ownHello, StatusIdentity identity,
                      Supplier<Map<String, Object>> powStatus) {
        this.network = network;
        this.clock = clock;
        this.store = store;
        this.mempool = mempool;
        this.driver = driver;
        this.connections = connections;
        this.ownHello = ownHello;
        this.identity = identity;
        this.powStatus = powStatus;
    }

    /**
     * Computes the status now, without {@code instance.localtime}.
     *
     * @throws IllegalStateException if the chain database cannot be read
     */
    public ObjectNode snapshot() {
        long now = clock.millis() / 1000;
        HeightStatus tip = ChainRead.unchecked(store::heightStatus);
        String genesis = ChainRead.unchecked(() -> store.block(0)).orElseThrow().forger();
        Optional<RoundContext> context = driver.context();
        List<String> outbound = keys(connections.connections(Direction.OUTBOUND));
        List<String> inbound = keys(connections.connections(Direction.INBOUND));
        int connected = connections.connectedCount();

        ObjectNode status = PythonJson.MAPPER.createObjectNode();
        ObjectNode config = status.putObject("config");
        config.put("address", ownHello.address());
        config.put("ip", identity.listenIp());
        config.put("port", ownHello.port());
        config.put("verbose", identity.verbose());
        config.put("outip", identity.outIp());
        config.put("posnet", ownHello.posnet());

        ObjectNode instance = status.putObject("instance");
        instance.put("version", identity.version());
        instance.put("hn_version", identity.version());
        instance.put("python_version", "Java " + Runtime.version());
        instance.put("statustime", now);

        ObjectNode chain = status.putObject("chain");
        chain.put("block_height", tip.height());
        chain.put("Genesis", genesis);
        HeightJson.fill(chain, tip);

        status.putObject("mempool").put("NB", mempool.size());

        ObjectNode peers = status.putObject("peers");
        peers.put("connected_count", connected);
        strings(peers.putArray("outbound"), outbound);
        strings(peers.putArray("inbound"), inbound);
        Optional<ObservedChain> best = driver.lastView().best();
        if (best.isPresent()) {
            ObjectNode netHeight = HeightJson.fill(peers.putObject("net_height"), best.get().status());
            netHeight.put("count", best.get().count());
            strings(netHeight.putArray("peers"), best.get().peers());
        } else {
            peers.putNull("net_height");
        }

        ObjectNode state = status.putObject("state");
        state.put("state", driver.state().name());
        state.put("round", network.roundAt(now));
        state.put("sir", network.slotAt(now));
        state.put("forger", driver.slotForger().orElse(null));

        Map<String, Integer> threads = threadsByName();
        ObjectNode tasks = status.putObject("tasks");
        tasks.put("total", threads.values().stream().mapToInt(Integer::intValue).sum());
        ObjectNode detail = tasks.putObject("detail");
        threads.forEach(detail::put);

        long descriptors = openDescriptors();
        ObjectNode extra = status.putObject("extra");
        extra.put("forged_count", driver.forgedCount());
        extra.put("open_files", descriptors);
        extra.put("connections", outbound.size() + inbound.size());
        extra.put("num_fd", descriptors);

        meta(status.putObject("meta"), context);
        status.set("pow", pow());
        status.put("PID", ProcessHandle.current().pid());

        ObjectNode hn = status.putObject("hn");
        hn.put("network", network.name().toLowerCase(Locale.ROOT));
        hn.put("rounds_completed", driver.roundsCompleted());
        hn.put("forged_count", driver.forgedCount());
        hn.put("connected_count", connected);
        if (context.isPresent()) {
            hn.put("round", context.get().round());
        } else {
            hn.putNull("round");
        }
        hn.put("slot", network.slotAt(now));
        hn.put("height", tip.height());
        hn.put("block_hash", tip.blockHash());
        hn.put("state", driver.state().name());
        return status;
    }

    private void meta(ObjectNode meta, Optional<RoundContext> context) {
        List<Hypernode> hypernodes = context.map(c -> c.plan().hypernodes()).orElse(List.of());
        List<Juror> jurors = context.map(c -> c.plan().jurors().jurors()).orElse(List.of());
        meta.put("round", context.map(RoundContext::round).orElse(0L));
        meta.put("sir", context.map(c -> network.slotAt(c.startedSeconds())).orElse(0));
        addressSet(meta, "all_hns_count", "all_hns_hash", hypernodes.stream().map(Hypernode::posAddress));
        addressSet(meta, "inactive_hns_count", "inactive_hns_hash",
                hypernodes.stream().filter(h -> !h.active()).map(Hypernode::posAddress));
        addressSet(meta, "powchain_regs_count", "powchain_regs", hypernodes.stream().map(Hypernode::registrar));
        addressSet(meta, "active_regs_count", "active_regs",
                hypernodes.stream().filter(Hypernode::active).map(Hypernode::posAddress));
        ArrayNode slots = PythonJson.MAPPER.createArrayNode();
        jurors.forEach(juror -> slots.addArray().add(juror.posAddress()).add(juror.tid()));
        meta.put("slots", PythonJson.digest(slots));
    }

    private static void addressSet(ObjectNode meta, String countKey, String hashKey, Stream<String> addresses) {
        ArrayNode sorted = PythonJson.MAPPER.createArrayNode();
        addresses.distinct().sorted().forEach(sorted::add);
        meta.put(countKey, sorted.size());
        meta.put(hashKey, PythonJson.digest(sorted));
    }

    private JsonNode pow() {
        String reason;
        try {
            Map<String, Object> published = powStatus.get();
            if (published != null) {
                return PythonJson.MAPPER.valueToTree(published);
            }
            reason = "no PoW status published";
        } catch (RuntimeException e) {
            reason = String.valueOf(e.getMessage());
        }
        ObjectNode error = PythonJson.MAPPER.createObjectNode();
        error.put("Error", reason);
        return error;
    }

    private static List<String> keys(Collection<PeerConnection> peers) {
        return peers.stream().map(peer -> peer.key().toString()).sorted().toList();
    }

    private static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }

    private static Map<String, Integer> threadsByName() {
        Map<String, Integer> byName = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            byName.merge(thread.getName().replaceAll("[-#]?\\d+$", ""), 1, Integer::sum);
        }
        return byName;
    }

    /** Open file descriptors of this process, or -1 where the platform does not tell. */
    private static long openDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }
}
