package org.hn.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hn.chain.address.Address;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.config.Network;
import org.hn.node.auth.NodeSecret;
import org.hn.node.auth.Tokens;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.PeerScores;
import org.hn.node.peers.ScoringSettings;
import org.hn.node.server.ChainQueries;
import org.hn.node.server.MempoolService;
import org.hn.node.server.NodeReports;
import org.hn.node.server.NodeServices;
import org.hn.node.server.NodeView;
import org.hn.node.server.PeerServer;
import org.hn.node.server.PushReceiver;
import org.hn.node.server.ServerAuth;
import org.hn.node.server.ServerInitializer;
import org.hn.node.server.ServerSettings;
import org.hn.node.service.PeerMempool;
import org.hn.node.service.StoreChainQueries;
import org.hn.node.wire.hello.HelloString;

/**
 * The node's real peer server ({@link PeerServer}, v2 frames, {@link StoreChainQueries}) on 127.0.0.1 in front of
 * a chain database, answering {@code blockinfo} and {@code blocksync} as a node does for a peer catching up.
 * Everything else a node serves is inert: no mempool traffic, no pushes, no reports.
 */
final class ChainServer implements AutoCloseable, NodeServices, NodeView, PushReceiver, NodeReports {

    /** {@code BLOCK_SYNC_COUNT}: blocks per {@code blocksync} answer. */
    static final int BLOCK_SYNC_COUNT = 20;

    private final ChainStore store;
    private final HelloString hello;
    private final StoreChainQueries chain;
    private final PeerMempool mempool;
    private final EventLoopGroup acceptGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup ioGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ExecutorService serviceExecutor = Executors.newFixedThreadPool(1);
    private final PeerServer server;

    /**
     * @param database the chain to serve (opened with {@link ChainStore#openExisting})
     * @param dataDir  where the server keeps its token secret
     * @param port     loopback port to listen on
     */
    ChainServer(Path database, Path dataDir, int port) throws Exception {
        PrivateKey key = BenchKey.create("hn-bench-server");
        store = ChainStore.openExisting(database);
        hello = new HelloString(HelloString.CURRENT_POSNET, port,
                Address.fromPublicKey(key.publicKey(), BenchKey.MAINNET));
        chain = new StoreChainQueries(store, BLOCK_SYNC_COUNT);
        Clock clock = Clock.systemUTC();
        mempool = new PeerMempool(new Mempool(BenchKey.MAINNET, txid -> false, MempoolLimits.DEFAULTS,
                new SplittableRandom(1)), clock);
        Tokens tokens = new Tokens(NodeSecret.loadOrCreate(dataDir, new SecureRandom()), hello.address(), clock);
        ServerSettings settings = ServerSettings.defaults(Network.MAINNET);
        ServerAuth auth = new ServerAuth(tokens, Set.of("127.0.0.1"), key);
        ServerInitializer initializer = new ServerInitializer(settings, this, auth, new ConnectionRegistry(),
                new PeerScores(ScoringSettings.DEFAULTS, Set.of("127.0.0.1"), clock), serviceExecutor, clock);
        server = PeerServer.bind(new InetSocketAddress("127.0.0.1", port), acceptGroup, ioGroup, settings,
                initializer);
    }

    /** The peer key a client uses for this server, {@code 127.0.0.1:PORT}. */
    String peerKey() {
        return "127.0.0.1:" + server.localAddress().getPort();
    }

    ChainStore store() {
        return store;
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
        return this;
    }

    @Override
    public PushReceiver pushes() {
        return this;
    }

    @Override
    public NodeReports reports() {
        return this;
    }

    @Override
    public HelloString ownHello() {
        return hello;
    }

    @Override
    public Set<String> allowedPosnets() {
        return Set.of(HelloString.CURRENT_POSNET);
    }

    @Override
    public boolean isRegisteredIp(String ip) {
        return true;
    }

    @Override
    public Optional<String> registeredIp(String posAddress) {
        return Optional.empty();
    }

    @Override
    public boolean isQueryAllowed(String ip) {
        return true;
    }

    @Override
    public CompletionStage<Void> whenServing() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean blocksPushed(String senderIp, List<PosBlock> blocks) {
        return false;
    }

    @Override
    public boolean testRequested(String senderIp, PosMessage request) {
        return false;
    }

    @Override
    public String statusJson() {
        return "{}";
    }

    @Override
    public String roundJson() {
        return "{}";
    }

    @Override
    public Optional<String> recordedRoundJson(long round) {
        return Optional.empty();
    }

    @Override
    public String hypernodesJson(String parameter) {
        return "{}";
    }

    @Override
    public String heightsJson() {
        return "{}";
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        serviceExecutor.shutdownNow();
        store.close();
    }
}
