package org.hn.node.daemon;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.hn.bootstrap.archive.ArchiveLimits;
import org.hn.bootstrap.create.SnapshotCreator;
import org.hn.bootstrap.create.SnapshotShelf;
import org.hn.bootstrap.download.SnapshotDownload;
import org.hn.bootstrap.install.SnapshotImport;
import org.hn.bootstrap.install.SnapshotInstaller;
import org.hn.bootstrap.verify.SnapshotVerifier;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.Genesis;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.mempool.MempoolLimits;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.hn.chain.wallet.PosWallet;
import org.hn.chain.wallet.WalletException;
import org.hn.config.Network;
import org.hn.config.settings.Setting;
import org.hn.config.settings.Settings;
import org.hn.chain.height.HeightStatus;
import org.hn.node.auth.NodeSecret;
import org.hn.node.auth.NodeSecretException;
import org.hn.node.auth.Tokens;
import org.hn.node.bootstrap.RoundEndSnapshots;
import org.hn.node.bootstrap.StartupBootstrap;
import org.hn.node.client.ClientSettings;
import org.hn.node.client.FramingMemory;
import org.hn.node.client.PeerClient;
import org.hn.node.client.PosnetMemory;
import org.hn.node.forge.Forger;
import org.hn.node.metrics.MetricsServer;
import org.hn.node.metrics.NodeMetrics;
import org.hn.node.network.ExchangePeriods;
import org.hn.node.network.PeerNetworkService;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.PeerScores;
import org.hn.node.peers.ScoringSettings;
import org.hn.node.persistence.ConnectionTraffic;
import org.hn.node.persistence.RoundRecorder;
import org.hn.node.round.OwnMessages;
import org.hn.node.round.PeerNetwork;
import org.hn.node.round.RoundDriver;
import org.hn.node.round.RoundPreparer;
import org.hn.node.round.RoundSchedules;
import org.hn.node.round.Tuning;
import org.hn.node.server.PeerServer;
import org.hn.node.service.DaemonServices;
import org.hn.node.service.StatusFile;
import org.hn.node.service.StatusIdentity;
import org.hn.pow.ledger.BlockStamp;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.node.server.ServerAuth;
import org.hn.node.server.ServerInitializer;
import org.hn.node.server.ServerSettings;
import org.hn.node.sync.CatchUp;
import org.hn.node.sync.RoundSync;
import org.hn.node.wire.hello.HelloString;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationFold;
import org.hn.registry.registration.RuleProfile;
import org.hn.registry.round.RoundPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running hypernode ({@code hn run}): opens the data directory, wires chain, mempool, registry, round driver,
 * peer server and peer network, and runs the manager loop every {@code WAIT} seconds and the status snapshot every
 * {@code STATUS_EVERY} seconds until closed.
 *
 * <p>Data directory: {@code hn.conf} (operator settings), {@code poswallet.json} (created on first start, mode
 * 0600), {@code jwt.secret} (the client token key, created on first start, mode 0600), {@code chain.db} (the
 * chain, with each round's schedule, stats and our round signatures, and the count of process starts),
 * {@code status.json} (the last status, rewritten as a heartbeat), {@code bootstrap/} (our own bootstrap archives,
 * when {@code BOOTSTRAP_KEEP} is set).
 *
 * <p>A node whose chain is empty first imports a bootstrap archive from {@code BOOTSTRAP_URLS} when any is
 * usable, then syncs the rest from peers ({@code spec/ops.md §8.1}).
 *
 * <p>With {@code METRICS_PORT} set, the node's {@link NodeMetrics} are served on {@code METRICS_BIND} (loopback by
 * default).
 */
public final class NodeDaemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeDaemon.class);

    /** The chain database's name inside the data directory. */
    public static final String CHAIN_FILE = "chain.db";
    /** The status file's name inside the data directory. */
    public static final String STATUS_FILE = "status.json";
    /** The folder of our own bootstrap archives inside the data directory ({@code BOOTSTRAP_KEEP}). */
    public static final String BOOTSTRAP_FOLDER = "bootstrap";

    private final ChainStore store;
    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private final ExecutorService serviceExecutor;
    private final ScheduledExecutorService scheduler;
    private final PeerServer server;
    private final AutoCloseable peerNetwork;
    private final RoundDriver driver;
    private final Runnable refreshStatus;
    private final NodeMetrics metrics;
    private final MetricsServer metricsServer;

    private NodeDaemon(ChainStore store, EventLoopGroup acceptGroup, EventLoopGroup ioGroup,
                       ExecutorService serviceExecutor, ScheduledExecutorService scheduler, PeerServer server,
                       AutoCloseable peerNetwork, RoundDriver driver, Runnable refreshStatus, NodeMetrics metrics,
                       MetricsServer metricsServer) {
        this.metrics = metrics;
        this.metricsServer = metricsServer;
        this.store = store;
        this.acceptGroup = acceptGroup;
        this.ioGroup = ioGroup;
        this.serviceExecutor = serviceExecutor;
        this.scheduler = scheduler;
        this.server = server;
        this.peerNetwork = peerNetwork;
        this.driver = driver;
        this.refreshStatus = refreshStatus;
    }

    /**
     * Starts a node: {@link #open} with the peer network as it is, then the manager loop every {@code WAIT}
     * seconds and the status snapshot every {@code STATUS_EVERY} seconds.
     *
     * @throws DaemonException when the data directory, the wallet, the chain database, the listening port or the
     *                         metrics port cannot be used; a late or missing PoW ledger is not an error (the node waits)
     */
    public static NodeDaemon start(Path dataDir, Settings settings, Clock clock) throws DaemonException {
        NodeDaemon daemon = open(dataDir, settings, clock, Wiring.REAL);
        long waitSeconds = settings.integer(Setting.WAIT);
        daemon.scheduler.scheduleWithFixedDelay(guarded("manager iteration", daemon::tick), waitSeconds, waitSeconds,
                TimeUnit.SECONDS);
        long statusSeconds = settings.integer(Setting.STATUS_EVERY);
        daemon.scheduler.scheduleWithFixedDelay(guarded("status snapshot", daemon.refreshStatus), statusSeconds,
                statusSeconds, TimeUnit.SECONDS);
        return daemon;
    }

    /**
     * The parts of a node's wiring an in-process test may change.
     *
     * @param driverPeers   wraps the peer network as the round driver sees it (connections kept, blocks pushed,
     *                      tests run); the identity in a real node, a firewall in a split-network test
     * @param exchangeCheck how often, in real time, outbound workers look whether an exchange is due on the clock
     */
    record Wiring(UnaryOperator<PeerNetwork> driverPeers, Duration exchangeCheck) {

        /** A real node's: the peer network as it is, exchanges checked twice a second. */
        static final Wiring REAL = new Wiring(UnaryOperator.identity(), Duration.ofMillis(500));
    }

    /**
     * Opens a node without its loops: wallet, chain, registry, round driver (started: first round change and our
     * {@code START} message), peer server listening, peer network, first status file. {@link #start} runs the
     * loops; an in-process test calls {@link #tick()} as its clock advances.
     *
     * @throws DaemonException as {@link #start}
     */
    static NodeDaemon open(Path dataDir, Settings settings, Clock clock, Wiring wiring)
            throws DaemonException {
        settings.describe().forEach(line -> LOG.info("setting {}", line));
        Network network = Network.fromId(settings.text(Setting.NETWORK));
        checkDataDirectory(dataDir);
        checkClock(clock);
        PosWallet wallet = openWallet(dataDir.resolve(PosWallet.FILE_NAME), network, clock);
        PrivateKey key = wallet.key();
        String me = wallet.address();
        ServerAuth auth = serverAuth(dataDir, settings, key, me, clock);
        long startedSeconds = clock.millis() / 1000;
        Path chainFile = dataDir.resolve(CHAIN_FILE);
        bootstrapIfEmpty(chainFile, network, settings, clock);
        ChainStore store;
        long processStarts;
        try {
            store = ChainStore.open(chainFile, Genesis.of(network));
        } catch (StoreException e) {
            throw new DaemonException("the chain database cannot be used: " + e.getMessage(), e);
        }
        try {
            processStarts = store.countProcessStart();
        } catch (StoreException e) {
            store.close();
            throw new DaemonException("the chain database cannot be written: " + e.getMessage(), e);
        }
        Path ledgerFile = dataDir.resolve(settings.text(Setting.POW_LEDGER_DB)).normalize();
        SqlitePowLedger ledger = new SqlitePowLedger(ledgerFile);
        RuleProfile profile = RuleProfile.ofSetting(settings.text(Setting.REGISTRY_PROFILE), network);
        RoundPlanner planner = new RoundPlanner(network,
                new RegistrationCache(RegistrationFold.forNetwork(profile, network, ledger), 8));
        Mempool mempool = new Mempool(network.networkId(), txid -> {
            try {
                return store.hasTx(txid);
            } catch (StoreException e) {
                LOG.warn("cannot tell whether a message is in the chain: {}", e.getMessage());
                return false;
            }
        }, new MempoolLimits(2000, settings.integer(Setting.MEMPOOL_PER_SENDER), settings.integer(Setting.MEMPOOL_MAX),
                BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK, BlockValidator.REQUIRED_MESSAGES_PER_BLOCK, 3600),
                new SecureRandom());
        BlockBans bans = new BlockBans(BlockBans.DEFAULT_TTL_SECONDS);
        HistoricalExemptions exemptions = network == Network.MAINNET ? HistoricalExemptions.mainnet()
                : HistoricalExemptions.NONE;
        RoundSchedules schedules = new RoundSchedules();
        BlockValidator validator = new BlockValidator(network.networkId(), schedules, exemptions, bans,
                BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
        int port = settings.integer(Setting.PORT);
        HelloString hello = new HelloString(HelloString.CURRENT_POSNET, port, me);

        NodeMetrics metrics = new NodeMetrics();
        EventLoopGroup acceptGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup ioGroup = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ExecutorService serviceExecutor = Executors.newFixedThreadPool(4, daemonThreads("hn-service"));
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemonThreads("hn-manager"));
        ConnectionRegistry registry = new ConnectionRegistry();
        InetAddress bindAddress;
        try {
            bindAddress = InetAddress.getByName(settings.text(Setting.BIND));
        } catch (IOException e) {
            throw new DaemonException("BIND " + settings.text(Setting.BIND) + " is not an address: " + e.getMessage(), e);
        }
        InetAddress localSource = bindAddress.isAnyLocalAddress() ? null : bindAddress;
        FramingMemory framing = new FramingMemory();
        PosnetMemory posnets = new PosnetMemory();
        PeerClient sessionClient = new PeerClient(ioGroup,
                ClientSettings.workers(network).withLocalAddress(localSource), framing, clock, key, posnets, metrics);
        PeerClient oneShotClient = new PeerClient(ioGroup,
                ClientSettings.oneShot(network).withLocalAddress(localSource), framing, clock, key, posnets, metrics);
        AtomicReference<RoundDriver> driverRef = new AtomicReference<>();
        PeerNetworkService peers = new PeerNetworkService(sessionClient, oneShotClient, hello, registry,
                () -> currentStatus(store), mempool, clock, exchangePeriods(network, wiring.exchangeCheck()),
                () -> driverRef.get() != null && driverRef.get().state().isBusy(),
                Duration.ofSeconds(settings.integer(Setting.PEER_RETRY_SECONDS)));
        OwnMessages own = new OwnMessages(key, network.networkId(), me, mempool);
        Tuning tuning = new Tuning(settings.integer(Setting.MAX_CONNECT_TO), Tuning.DEFAULTS.requiredMessages(),
                settings.integer(Setting.MINIMUM_CONNECTIVITY));
        Duration requestTimeout = Duration.ofSeconds(Math.max(5, network.slotSeconds() * 2L));
        RoundDriver driver = new RoundDriver(new RoundDriver.Parts(network, clock, me, store, mempool,
                new RoundPreparer(planner, store, me), schedules, new Forger(key, network.networkId(), store, mempool,
                validator), validator,
                new CatchUp(store, mempool, validator, peers, settings.integer(Setting.MAX_ROLLBACK_BLOCKS),
                        requestTimeout),
                new RoundSync(store, mempool, validator, peers, bans, exemptions, requestTimeout.multipliedBy(3)),
                wiring.driverPeers().apply(peers), own, bans, exemptions, new LedgerFreshness(ledger), tuning,
                new SplittableRandom()));
        driverRef.set(driver);
        driver.addRoundListener(new RoundRecorder(store, peers, new ConnectionTraffic(registry),
                new RoundRecorder.Identity(network, key, startedSeconds, processStarts)));
        int keptArchives = settings.integer(Setting.BOOTSTRAP_KEEP);
        if (keptArchives > 0) {
            driver.addRoundListener(new RoundEndSnapshots(new SnapshotShelf(dataDir.resolve(BOOTSTRAP_FOLDER),
                    keptArchives), new SnapshotCreator(network, key, clock), chainFile, network, scheduler));
        }
        DaemonServices services = new DaemonServices(new DaemonServices.Parts(network, clock, store, mempool, driver,
                planner, registry, own, hello, Set.copyOf(Network.LEGACY_POSNETS),
                Set.copyOf(settings.list(Setting.ALLOW_QUERIES_FROM)), settings.integer(Setting.BLOCK_SYNC_COUNT),
                new StatusIdentity(bindAddress.isAnyLocalAddress() ? null : bindAddress.getHostAddress(), 1,
                        bindAddress.getHostAddress(), version()), () -> powStatus(ledger, clock), scheduler));
        StatusFile statusFile = new StatusFile(dataDir.resolve(STATUS_FILE));
        Runnable refreshStatus = () -> {
            try {
                statusFile.write(services.refresh());
            } catch (IOException e) {
                LOG.warn("the status file cannot be written: {}", e.getMessage());
            }
        };
        // The operator's own client IPs are never banned: mistyped queries must not lock them out of their node.
        PeerScores scores = new PeerScores(ScoringSettings.DEFAULTS, auth.legacyClientIps(), clock, metrics);
        metrics.bind(new NodeMetrics.Sources(network, clock, driver, store, mempool, registry, ledger,
                dataDir.resolve(CHAIN_FILE)));
        ServerSettings serverSettings = ServerSettings.defaults(network)
                .withConnectionLimits(settings.integer(Setting.MAX_INBOUND), 8);
        PeerServer server;
        MetricsServer metricsServer = null;
        try {
            metricsServer = startMetrics(settings, metrics);
            server = PeerServer.bind(new InetSocketAddress(bindAddress, port), acceptGroup, ioGroup, serverSettings,
                    new ServerInitializer(serverSettings, services, auth, registry, scores, serviceExecutor,
                            clock, metrics));
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (metricsServer != null) {
                metricsServer.close();
            }
            metrics.close();
            acceptGroup.shutdownGracefully();
            ioGroup.shutdownGracefully();
            store.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new DaemonException(e instanceof IOException
                    ? "cannot serve metrics on " + settings.text(Setting.METRICS_BIND) + ":"
                            + settings.integer(Setting.METRICS_PORT) + ": " + e.getMessage()
                    : "cannot listen on " + bindAddress.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
        LOG.info("hypernode {} on {} listening on {}", me, network.id(), server.localAddress());

        driver.start();
        refreshStatus.run();
        return new NodeDaemon(store, acceptGroup, ioGroup, serviceExecutor, scheduler, server, peers, driver,
                refreshStatus, metrics, metricsServer);
    }

    /** An empty chain is first filled from the configured bootstrap archives, when there are any (ops.md §8.1). */
    private static void bootstrapIfEmpty(Path chainFile, Network network, Settings settings, Clock clock) {
        List<String> urls = settings.list(Setting.BOOTSTRAP_URLS);
        if (urls.isEmpty()) {
            return;
        }
        SnapshotImport importer = new SnapshotImport(network, new SnapshotVerifier(ArchiveLimits.DEFAULTS,
                Set.copyOf(settings.list(Setting.BOOTSTRAP_SIGNERS)), clock), new SnapshotInstaller(clock),
                new SnapshotDownload(SnapshotDownload.defaultClient(StartupBootstrap.HTTP_TIMEOUT),
                        StartupBootstrap.HTTP_TIMEOUT, ArchiveLimits.DEFAULTS.maxDatabaseBytes()));
        new StartupBootstrap(importer, new SecureRandom()).run(chainFile, urls);
    }

    /**
     * The exchange periods of wire.md §6.2, scaled to the network's slot length, never below one second.
     *
     * @param checkEvery how often, in real time, a worker looks whether an exchange is due
     */
    private static ExchangePeriods exchangePeriods(Network network, Duration checkEvery) {
        double scale = network.slotSeconds() / 180.0;
        ExchangePeriods reference = ExchangePeriods.DEFAULTS;
        return new ExchangePeriods(scaled(reference.height(false), scale), scaled(reference.mempool(false), scale),
                scaled(reference.height(true), scale), scaled(reference.mempool(true), scale), checkEvery);
    }

    private static Duration scaled(Duration period, double scale) {
        return Duration.ofMillis(Math.max(1000, Math.round(period.toMillis() * scale)));
    }

    /** The PoW side of the status: the ledger's tip and its age, as a PoW node's status would give them. */
    private static Map<String, Object> powStatus(SqlitePowLedger ledger, Clock clock) {
        Map<String, Object> status = new LinkedHashMap<>();
        try {
            BlockStamp tip = ledger.tip();
            status.put("blocks", tip.height());
            status.put("last_block_ago", clock.millis() / 1000.0 - tip.timestamp().doubleValue());
        } catch (PowLedgerUnavailableException e) {
            status.put("error", e.reason() + ": " + e.getMessage());
        }
        return status;
    }

    private static String version() {
        String version = NodeDaemon.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    private static HeightStatus currentStatus(ChainStore store) {
        try {
            return store.heightStatus();
        } catch (StoreException e) {
            throw new IllegalStateException("the chain database cannot be read: " + e.getMessage(), e);
        }
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed; continuing", what, e);
            }
        };
    }

    private static void checkDataDirectory(Path dataDir) throws DaemonException {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new DaemonException("the data directory " + dataDir + " cannot be created: " + e.getMessage(), e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new DaemonException("the data directory " + dataDir + " is not writable by this user");
        }
    }

    private static void checkClock(Clock clock) throws DaemonException {
        if (clock.millis() / 1000 < Genesis.TIMESTAMP) {
            throw new DaemonException("the system clock is before the genesis (" + clock.instant()
                    + "); set the date and run NTP");
        }
    }

    private static PosWallet openWallet(Path file, Network network, Clock clock) throws DaemonException {
        try {
            if (!Files.exists(file)) {
                PosWallet created = PosWallet.of(PrivateKey.generate(new SecureRandom()), network.networkId(),
                        clock.millis() / 1000);
                created.create(file);
                LOG.warn("created a new PoS wallet {} for address {}: back it up, it is the hypernode's identity",
                        file, created.address());
                return created;
            }
            return PosWallet.read(file, network.networkId());
        } catch (WalletException e) {
            throw new DaemonException(e.getMessage(), e);
        } catch (IOException e) {
            throw new DaemonException("the wallet " + file + " cannot be created: " + e.getMessage(), e);
        }
    }

    /**
     * The client token secret ({@code jwt.secret}, created at first start), the legacy client allowlist and our key
     * for authenticated hellos.
     */
    private static ServerAuth serverAuth(Path dataDir, Settings settings, PrivateKey key, String me, Clock clock)
            throws DaemonException {
        try {
            return new ServerAuth(new Tokens(NodeSecret.loadOrCreate(dataDir, new SecureRandom()), me, clock),
                    Set.copyOf(settings.list(Setting.LEGACY_CLIENTS_FROM)), key, true);
        } catch (NodeSecretException | IllegalArgumentException e) {
            throw new DaemonException(e.getMessage(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The metrics endpoint on {@code METRICS_BIND:METRICS_PORT}, or null when the port is 0 (off). */
    private static MetricsServer startMetrics(Settings settings, NodeMetrics metrics) throws IOException {
        int port = settings.integer(Setting.METRICS_PORT);
        if (port == 0) {
            return null;
        }
        MetricsServer server = MetricsServer.start(new InetSocketAddress(
                InetAddress.getByName(settings.text(Setting.METRICS_BIND)), port), metrics);
        LOG.info("metrics on http://{}{}", hostAndPort(server.address()), MetricsServer.PATH);
        return server;
    }

    private static String hostAndPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** The address the metrics endpoint listens on; empty when {@code METRICS_PORT} is 0. */
    public Optional<InetSocketAddress> metricsAddress() {
        return Optional.ofNullable(metricsServer).map(MetricsServer::address);
    }

    /** The address the peer server listens on. */
    public InetSocketAddress listenAddress() {
        return server.localAddress();
    }

    /** One manager iteration ({@code spec/rounds.md §7.3}) with time from the node's clock. */
    void tick() {
        driver.tick();
    }

    /** The node's chain database, open until {@link #close()}. */
    ChainStore chain() {
        return store;
    }

    /** Stops the loops, the server and the peers, then closes the chain database. */
    @Override
    public void close() {
        if (metricsServer != null) {
            metricsServer.close();
        }
        scheduler.shutdownNow();
        server.close();
        try {
            peerNetwork.close();
        } catch (Exception e) {
            LOG.warn("the peer network did not close cleanly: {}", e.getMessage());
        }
        serviceExecutor.shutdownNow();
        acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        store.close();
        metrics.close();
        LOG.info("stopped");
    }
}
