package org.hn.node.service;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.store.ChainStore;
import org.hn.config.Network;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.round.OwnMessages;
import org.hn.node.round.RoundDriver;
import org.hn.node.server.ChainQueries;
import org.hn.node.server.MempoolService;
import org.hn.node.server.NodeReports;
import org.hn.node.server.NodeServices;
import org.hn.node.server.NodeView;
import org.hn.node.server.PushReceiver;
import org.hn.node.wire.hello.HelloString;
import org.hn.registry.round.RoundPlanner;

/**
 * The daemon's {@link NodeServices}: the peer server's view of the chain store, mempool, round driver, registry
 * and connections. The daemon calls {@link #refresh()} every {@code STATUS_EVERY} seconds (and once at start-up,
 * so that {@code status} is answered from the start) and writes its result to the {@link StatusFile}.
 */
public final class DaemonServices implements NodeServices {

    /**
     * The parts the services read.
     *
     * @param ownHello       our posnet, listening port and PoS address
     * @param allowedPosnets {@code POSNET_ALLOW}
     * @param queryAllowlist {@code ALLOW_QUERIES_FROM}: IPs allowed to use {@code gethypernodes}
     * @param blockSyncCount {@code BLOCK_SYNC_COUNT}
     * @param powStatus      the companion PoW node's status, passed through in the status {@code pow} section
     * @param scheduler      runs the cheap checks of requests waiting for the end of {@code NEWROUND}
     */
    public record Parts(Network network, Clock clock, ChainStore store, Mempool mempool, RoundDriver driver,
                        RoundPlanner planner, ConnectionRegistry connections, OwnMessages ownMessages,
                        HelloString ownHello, Set<String> allowedPosnets, Set<String> queryAllowlist,
                        int blockSyncCount, StatusIdentity identity, Supplier<Map<String, Object>> powStatus,
                        ScheduledExecutorService scheduler) {
    }

    private final StoreChainQueries chain;
    private final PeerMempool mempool;
    private final DriverNodeView view;
    private final DriverPushReceiver pushes;
    private final JsonReports reports;

    /** @throws IllegalArgumentException if {@code blockSyncCount} is not positive */
    public DaemonServices(Parts parts) {
        this.chain = new StoreChainQueries(parts.store(), parts.blockSyncCount());
        this.mempool = new PeerMempool(parts.mempool(), parts.clock());
        this.view = new DriverNodeView(parts.ownHello(), parts.allowedPosnets(), parts.queryAllowlist(),
                parts.driver(), parts.scheduler());
        this.pushes = new DriverPushReceiver(parts.driver(), view, parts.ownMessages(), parts.clock());
        NodeStatus status = new NodeStatus(parts.network(), parts.clock(), parts.store(), parts.mempool(),
                parts.driver(), parts.connections(), parts.ownHello(), parts.identity(), parts.powStatus());
        this.reports = new JsonReports(status, parts.driver(), parts.store(), parts.planner(), parts.connections(),
                parts.clock());
    }

    /**
     * Takes a new status snapshot ({@link JsonReports#refresh()}).
     *
     * @return the status JSON text for the status file, without {@code instance.localtime}
     * @throws IllegalStateException if the chain database cannot be read
     */
    public String refresh() {
        return reports.refresh();
    }

    @Override
    public ChainQueries chain() {
        return chain;
    }

    @Override
    public MempoolService mempool() {
        return mempool;
    }

    @Override
    public NodeView view() {
        return view;
    }

    @Override
    public PushReceiver pushes() {
        return pushes;
    }

    @Override
    public NodeReports reports() {
        return reports;
    }
}
