package org.hn.node.service;

import static org.hn.node.round.DriverFixture.ID;
import static org.hn.node.round.DriverFixture.ROUND;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.message.InvalidMessageException;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.Direction;
import org.hn.node.peers.PeerConnection;
import org.hn.node.peers.PeerKey;
import org.hn.node.round.DriverFixture;
import org.hn.node.wire.hello.HelloString;

/**
 * A started devnet node (test key 0 at 127.0.0.1:7000) over a mainnet-genesis chain of three hand-made blocks,
 * with its {@link DaemonServices}. The blocks (devnet addresses Ai of test key i, txs in block order):
 * <ul>
 *   <li>1: round R−2 slot 0, forger A1: A1→A1 202 START, A2→A1 200, A1→A2 201 NO_TEST:1, A2→A2 202 START</li>
 *   <li>2: round R−1 slot 3, forger A2: A1→A3 202 TEST:1, A3→A1 204 TEST:2, A3→A2 101, A2→A3 101</li>
 *   <li>3: round R−1 slot 5, forger A1: A1→A1 202 START, A0→A1 200, A0→A0 201 NO_TEST:2, A3→A3 202 START</li>
 * </ul>
 * Within a block the timestamps rise by one second per tx.
 */
final class ServicesNode implements AutoCloseable {

    static final int BLOCK_SYNC_COUNT = 2;
    static final String VERSION = "0.1.0-test";

    final ChainStore store;
    final Mempool mempool;
    final DriverFixture node;
    final ConnectionRegistry connections = new ConnectionRegistry();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final List<PosBlock> blocks;
    final DaemonServices services;
    Supplier<Map<String, Object>> powStatus = () -> Map.of("blocks", 1_243_008, "consensus_percent", 90.9);

    static String address(int key) {
        return DriverFixture.address(key);
    }

    static PosMessage tx(long timestamp, int sender, int recipient, int what, String params, long value) {
        try {
            return PosMessage.sign(TestChain.key(sender), ID, timestamp, address(recipient), what, params, value);
        } catch (InvalidMessageException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static PosBlock forge(PosBlock previous, int forger, long round, int sir, List<PosMessage> txs) {
        long timestamp = DriverFixture.NETWORK.roundStart(round) + sir * 6L;
        return PosBlock.forge(TestChain.key(forger), ID, previous.height() + 1, round, sir, timestamp,
                previous.blockHash(), txs);
    }

    /** Opens the store in {@code directory}, appends the three blocks, starts the driver (no peer yet). */
    ServicesNode(Path directory) throws Exception {
        store = ChainStore.open(directory.resolve("chain.db"));
        long t1 = DriverFixture.NETWORK.roundStart(ROUND - 2);
        long t2 = DriverFixture.NETWORK.roundStart(ROUND - 1);
        PosBlock b1 = forge(store.tip(), 1, ROUND - 2, 0, List.of(tx(t1, 1, 1, 202, "START", 1),
                tx(t1 + 1, 2, 1, 200, "R.SYNC:127.0.0.2:07001", 1), tx(t1 + 2, 1, 2, 201, "NO_TEST:1", 1),
                tx(t1 + 3, 2, 2, 202, "START", 1)));
        PosBlock b2 = forge(b1, 2, ROUND - 1, 3, List.of(tx(t2, 1, 3, 202, "TEST:1", 0),
                tx(t2 + 1, 3, 1, 204, "TEST:2", 7), tx(t2 + 2, 3, 2, 101, "P.FAIL:127.0.0.3:07002", 2),
                tx(t2 + 3, 2, 3, 101, "P.FAIL:127.0.0.4:07003", 2)));
        PosBlock b3 = forge(b2, 1, ROUND - 1, 5, List.of(tx(t2 + 40, 1, 1, 202, "START", 2),
                tx(t2 + 41, 0, 1, 200, "C.SYNC:127.0.0.2:07001", 2), tx(t2 + 42, 0, 0, 201, "NO_TEST:2", 2),
                tx(t2 + 43, 3, 3, 202, "START", 2)));
        blocks = List.of(store.tip(), b1, b2, b3);
        store.appendAll(blocks.subList(1, 4));
        mempool = new Mempool(ID, txid -> false, MempoolLimits.DEFAULTS, new SplittableRandom(3));
        node = new DriverFixture(directory, store, mempool);
        services = new DaemonServices(new DaemonServices.Parts(DriverFixture.NETWORK, node.clock(), store, mempool,
                node.driver(), node.planner(), connections, node.ownMessages(),
                new HelloString(HelloString.CURRENT_POSNET, 7000, address(0)), Set.of("posnet0002", "posnet0003"),
                Set.of("127.0.0.1"), BLOCK_SYNC_COUNT, new StatusIdentity(null, 0, "127.0.0.1", VERSION),
                () -> powStatus.get(), scheduler));
        node.driver().start();
    }

    /** Registers a peer connection that completed its hello, with a reported height if given. */
    PeerConnection connect(Direction direction, String key, HeightStatus height) {
        PeerKey peerKey = PeerKey.parse(key);
        PeerConnection connection = new PeerConnection(peerKey, direction,
                new ConnectionStats(Instant.ofEpochSecond(node.nowSeconds())),
                new HelloString(HelloString.CURRENT_POSNET, peerKey.port(), address(1)));
        if (height != null) {
            connection.heightStatus(height);
        }
        connections.add(connection);
        return connection;
    }

    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        node.close();
        store.close();
    }
}
