package org.hn.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.hn.chain.crypto.PublicKey;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.config.Network;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.Direction;
import org.hn.node.peers.Misbehaviour;
import org.hn.node.round.NodeState;
import org.hn.node.round.RoundDriver;
import org.hn.node.wire.frame.FrameFormat;
import org.hn.node.wire.proto.Command;
import org.hn.pow.ledger.PowLedger;
import org.hn.pow.ledger.PowLedgerUnavailableException;

/**
 * The node's metrics ({@code DESIGN.md §7}): the one place that knows Micrometer. The wire, the peer scores and the
 * daemon report events here; gauges read the node's parts when scraped. Served in the Prometheus text format by
 * {@link MetricsServer}; an instance nobody serves just counts.
 *
 * <p>Metric names (Prometheus form; {@code docs/observability.md} explains each):
 * {@code hn_chain_height}, {@code hn_round}, {@code hn_slot}, {@code hn_state{state}}, {@code hn_forged_blocks_total},
 * {@code hn_missed_slots_total}, {@code hn_mempool_messages}, {@code hn_peers{direction,framing}},
 * {@code hn_wire_bytes_total{direction,command}}, {@code hn_wire_messages_total{direction,command}},
 * {@code hn_protocol_breaches_total{reason}}, {@code hn_peer_bans_total{reason}},
 * {@code hn_blocks_digested_total{source}}, {@code hn_syncs_total{outcome}},
 * {@code hn_signature_verifications_total}, {@code hn_pow_ledger_height}, {@code hn_pow_ledger_lag_seconds},
 * {@code hn_sqlite_wal_bytes}, and the JVM's {@code jvm_memory_*}, {@code jvm_gc_*}, {@code jvm_threads_*},
 * {@code process_uptime_seconds}.
 *
 * <p>Thread-safe. Gauges that cannot read their source (database busy, PoW ledger missing) report NaN.
 */
public final class NodeMetrics implements AutoCloseable {

    /** The parts of a running node the gauges read. */
    public record Sources(Network network, Clock clock, RoundDriver driver, ChainStore store, Mempool mempool,
                          ConnectionRegistry connections, PowLedger powLedger, Path chainFile) {
    }

    /** The four wire counters of one command. */
    private record WireCounters(Counter messagesIn, Counter bytesIn, Counter messagesOut, Counter bytesOut) {
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CommandMeter commandMeter = new CommandMeter(this);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** Per command, registered up front so that every series exists from 0. */
    private final Map<Command.Type, WireCounters> wire = new EnumMap<>(Command.Type.class);
    private final Map<Misbehaviour, Counter> breaches = new EnumMap<>(Misbehaviour.class);
    private final Map<Misbehaviour, Counter> bans = new EnumMap<>(Misbehaviour.class);

    /** Event counters only; {@link #bind} adds the gauges of a running node and of its JVM. */
    public NodeMetrics() {
        counter("hn.signature.verifications", "ECDSA signature verifications, valid or not",
                metrics -> PublicKey.verificationCount());
        for (Command.Type type : Command.Type.values()) {
            wire.put(type, new WireCounters(messages("in", type), bytes("in", type), messages("out", type),
                    bytes("out", type)));
        }
        for (Misbehaviour misbehaviour : Misbehaviour.values()) {
            String reason = misbehaviour.name().toLowerCase(Locale.ROOT);
            breaches.put(misbehaviour, Counter.builder("hn.protocol.breaches")
                    .description("peer misbehaviours scored, by reason").tag("reason", reason).register(registry));
            bans.put(misbehaviour, Counter.builder("hn.peer.bans")
                    .description("peer IPs banned, by the misbehaviour that banned them").tag("reason", reason)
                    .register(registry));
        }
    }

    private Counter messages(String direction, Command.Type type) {
        return Counter.builder("hn.wire.messages").description("protocol messages by command")
                .tag("direction", direction).tag("command", type.name()).register(registry);
    }

    private Counter bytes(String direction, Command.Type type) {
        return Counter.builder("hn.wire.bytes").description("protobuf payload bytes by command (frame headers excluded)")
                .tag("direction", direction).tag("command", type.name()).register(registry);
    }

    /** The Netty handler that counts the commands of a connection; shared by every pipeline. */
    public CommandMeter commandMeter() {
        return commandMeter;
    }

    /** Counts one command read from a peer, {@code bytes} its protobuf payload (frame header excluded). */
    void commandReceived(Command.Type type, int bytes) {
        WireCounters counters = wire.get(type);
        counters.messagesIn().increment();
        counters.bytesIn().increment(bytes);
    }

    /** Counts one command written to a peer, {@code bytes} its protobuf payload (frame header excluded). */
    void commandSent(Command.Type type, int bytes) {
        WireCounters counters = wire.get(type);
        counters.messagesOut().increment();
        counters.bytesOut().increment(bytes);
    }

    /**
     * Counts a peer's misbehaviour ({@link org.hn.node.peers.PeerScores}) as a protocol breach of its reason, and,
     * if it got the peer's IP banned, as a ban of that reason.
     */
    public void misbehaviour(Misbehaviour misbehaviour, boolean banned) {
        breaches.get(misbehaviour).increment();
        if (banned) {
            bans.get(misbehaviour).increment();
        }
    }

    /**
     * Binds the gauges and counters that read a running node, and the JVM's memory, GC, threads and uptime. Call
     * once; {@link #close()} releases the GC listeners.
     */
    public void bind(Sources node) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gauge("hn.chain.height", "height of our chain's tip", () -> {
            try {
                return node.store().heightStatus().height();
            } catch (StoreException e) {
                return Double.NaN;
            }
        });
        gauge("hn.round", "current round by the node's clock", () -> node.network().roundAt(nowSeconds(node)));
        gauge("hn.slot", "current slot of the round by the node's clock",
                () -> node.network().slotAt(nowSeconds(node)));
        for (NodeState state : NodeState.values()) {
            Gauge.builder("hn.state", () -> node.driver().state() == state ? 1 : 0)
                    .description("1 for the node's current state, 0 for the others").tag("state", state.name())
                    .register(registry);
        }
        counter("hn.forged.blocks", "blocks this node forged since it started",
                metrics -> node.driver().forgedCount());
        counter("hn.missed.slots", "slots of ours that ended without a block of ours",
                metrics -> node.driver().missedSlotCount());
        gauge("hn.mempool.messages", "messages in the mempool", () -> node.mempool().size());
        for (Direction direction : Direction.values()) {
            for (FrameFormat framing : FrameFormat.values()) {
                Gauge.builder("hn.peers", () -> node.connections().connections(direction).stream()
                                .filter(peer -> peer.framing().filter(framing::equals).isPresent()).count())
                        .description("peer connections past their hello, by direction and framing")
                        .tag("direction", direction.name().toLowerCase(Locale.ROOT))
                        .tag("framing", framing.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
        FunctionCounter.builder("hn.blocks.digested", this, metrics -> node.driver().pushedBlockCount())
                .description("blocks appended to our chain, by how they came").tag("source", "pushed")
                .register(registry);
        FunctionCounter.builder("hn.blocks.digested", this, metrics -> node.driver().syncedBlockCount())
                .description("blocks appended to our chain, by how they came").tag("source", "synced")
                .register(registry);
        FunctionCounter.builder("hn.syncs", this, metrics -> node.driver().syncCount(true))
                .description("catch-ups and round syncs, by outcome").tag("outcome", "succeeded").register(registry);
        FunctionCounter.builder("hn.syncs", this, metrics -> node.driver().syncCount(false))
                .description("catch-ups and round syncs, by outcome").tag("outcome", "failed").register(registry);
        gauge("hn.pow.ledger.height", "height of the PoW ledger's last block", () -> {
            try {
                return node.powLedger().tip().height();
            } catch (PowLedgerUnavailableException e) {
                return Double.NaN;
            }
        });
        Gauge.builder("hn.pow.ledger.lag", () -> {
            try {
                return node.clock().millis() / 1000.0 - node.powLedger().tip().timestamp().doubleValue();
            } catch (PowLedgerUnavailableException e) {
                return Double.NaN;
            }
        }).description("age of the PoW ledger's last block").baseUnit("seconds").register(registry);
        Path wal = node.chainFile().resolveSibling(node.chainFile().getFileName() + "-wal");
        Gauge.builder("hn.sqlite.wal", () -> {
            try {
                return Files.exists(wal) ? Files.size(wal) : 0;
            } catch (IOException e) {
                return Double.NaN;
            }
        }).description("size of the chain database's write-ahead log").baseUnit("bytes").register(registry);
    }

    /** Every metric in the Prometheus text exposition format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    /** Stops listening to the JVM's GC notifications. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private static long nowSeconds(Sources node) {
        return node.clock().millis() / 1000;
    }

    private void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    private void counter(String name, String description, ToDoubleFunction<NodeMetrics> count) {
        FunctionCounter.builder(name, this, count).description(description).register(registry);
    }
}
