package org.hn.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hn.chain.address.Address;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.message.InvalidMessageException;
import org.hn.chain.message.MessageVerifier;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.hn.config.Network;
import org.hn.node.client.ClientSettings;
import org.hn.node.client.FramingMemory;
import org.hn.node.client.PeerClient;
import org.hn.node.network.ExchangePeriods;
import org.hn.node.network.PeerNetworkService;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.sync.CatchUp;
import org.hn.node.sync.SyncOutcome;
import org.hn.node.wire.hello.HelloString;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Catch-up from a peer on loopback ({@link CatchUp}, {@code spec/wire.md §6.9}): a node holding only the mainnet
 * genesis downloads a {@link BenchChain} of {@code blocks} blocks × 100 messages from a {@link ChainServer} with
 * {@code blockinfo} and {@code blocksync} (one-shot sessions, 20 blocks an answer), validates every block as
 * history (hash, forger signature, every message's signature) and stores it. One whole catch-up per call
 * (single-shot); the score is the time of the call, so blocks/s = blocks / score. The client's empty database is
 * created before each call and not counted. {@link #verifyMessagesOnly} gives the bound to compare with, in
 * messages per second: it verifies the messages of the first {@value #BOUND_BLOCKS} blocks at most (all of a
 * shorter chain), as the messages of a long chain would not fit the heap without the collector's work becoming
 * part of both figures. The server listens on {@code hn.bench.port} (default 18510).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatchUpBenchmark {

    static final int TXS_PER_BLOCK = 100;
    static final int BOUND_BLOCKS = 1000;

    @Param({"1000"})
    public int blocks;

    private List<PosMessage> messages;
    private Path serverDir;
    private ChainServer server;
    private HeightStatus target;
    private EventLoopGroup clientGroup;
    private Path clientDir;
    private ChainStore store;
    private CatchUp catchUp;

    @Setup(Level.Trial)
    public void startServer() throws Exception {
        Path database = BenchChain.database(blocks, TXS_PER_BLOCK);
        messages = BenchChain.firstBlocks(blocks, TXS_PER_BLOCK, Math.min(blocks, BOUND_BLOCKS)).stream()
                .flatMap(block -> block.txs().stream()).toList();
        serverDir = ScratchDirectory.create("hn-bench-server");
        server = new ChainServer(database, serverDir, Integer.getInteger("hn.bench.port", 18510));
        target = server.store().heightStatus();
        clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @Setup(Level.Invocation)
    public void openEmptyClient() throws IOException, StoreException {
        clientDir = ScratchDirectory.create("hn-bench-client");
        store = ChainStore.open(clientDir.resolve("chain.db"));
        Clock clock = Clock.systemUTC();
        Mempool mempool = new Mempool(BenchKey.MAINNET, txid -> false, MempoolLimits.DEFAULTS, new SplittableRandom(2));
        PeerClient client = new PeerClient(clientGroup, ClientSettings.oneShot(Network.MAINNET), new FramingMemory(),
                clock);
        HelloString hello = new HelloString(HelloString.CURRENT_POSNET, 18511,
                Address.fromPublicKey(BenchKey.create().publicKey(), BenchKey.MAINNET));
        PeerNetworkService peers = new PeerNetworkService(client, client, hello, new ConnectionRegistry(),
                () -> target, mempool, clock, ExchangePeriods.DEFAULTS, () -> false, Duration.ofSeconds(1));
        BlockValidator validator = new BlockValidator(BenchKey.MAINNET, (round, slot) -> Optional.empty(),
                HistoricalExemptions.NONE, new BlockBans(BlockBans.DEFAULT_TTL_SECONDS),
                BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
        catchUp = new CatchUp(store, mempool, validator, peers, 10, Duration.ofSeconds(60));
    }

    @TearDown(Level.Invocation)
    public void deleteClient() throws IOException {
        store.close();
        ScratchDirectory.delete(clientDir);
    }

    @TearDown(Level.Trial)
    public void stopServer() throws Exception {
        server.close();
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        ScratchDirectory.delete(serverDir);
    }

    /**
     * The bound catch-up is measured against: the message checks of the chain's first blocks alone
     * ({@link #boundMessages} messages), as block validation runs them (quick address check, a fresh verifier,
     * all cores), with nothing fetched, hashed or stored.
     */
    @Benchmark
    public long verifyMessagesOnly() {
        MessageVerifier verifier = new MessageVerifier(BenchKey.MAINNET, MessageVerifier.AddressPolicy.HISTORICAL);
        long nowSeconds = System.currentTimeMillis() / 1000;
        long valid = messages.parallelStream().filter(message -> verifies(verifier, message, nowSeconds)).count();
        if (valid != messages.size()) {
            throw new IllegalStateException((messages.size() - valid) + " messages do not verify");
        }
        return valid;
    }

    private static boolean verifies(MessageVerifier verifier, PosMessage message, long nowSeconds) {
        try {
            verifier.verify(message, nowSeconds);
            return true;
        } catch (InvalidMessageException e) {
            return false;
        }
    }

    /**
     * The height of the catching-up node's chain, from its tip block (a height status would be recomputed over the
     * whole chain at every new round); 0 when it cannot be read.
     */
    long clientHeight() {
        try {
            return store.tip().height();
        } catch (StoreException e) {
            return 0;
        }
    }

    /** How many messages {@link #verifyMessagesOnly} checks. */
    int boundMessages() {
        return messages.size();
    }

    @Benchmark
    public SyncOutcome catchUp() {
        SyncOutcome outcome = catchUp.run(server.peerKey(), target, System.currentTimeMillis() / 1000);
        if (!outcome.succeeded() || outcome.appended() != blocks) {
            throw new IllegalStateException("catch-up failed: " + outcome.detail());
        }
        return outcome;
    }
}
