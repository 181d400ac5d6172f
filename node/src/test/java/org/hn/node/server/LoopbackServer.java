package org.hn.node.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hn.node.auth.NodeSecret;
import org.hn.node.auth.NodeSecretException;
import org.hn.node.auth.Tokens;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.PeerScores;
import org.hn.node.peers.ScoringSettings;

/** A real peer server on 127.0.0.1 and a free port, in front of a {@link FakeNode}; loopback clients need no token. */
public final class LoopbackServer implements AutoCloseable {

    public final FakeNode node = new FakeNode();
    public final ConnectionRegistry registry = new ConnectionRegistry();
    public final PeerScores scores;
    private final EventLoopGroup acceptGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup ioGroup;
    private final ExecutorService serviceExecutor = Executors.newFixedThreadPool(2);
    private final PeerServer server;
    private final Path dataDir;
    /** The server's token issuer and verifier (issuer {@link FakeNode#ADDRESS_0}). */
    public final Tokens tokens;

    /**
     * @param settings  server limits
     * @param staticIps IPs never banned
     * @param ioThreads event loop threads; 1 makes accept-time ban checks ordered after earlier breaches
     */
    public LoopbackServer(ServerSettings settings, Set<String> staticIps, int ioThreads) throws InterruptedException {
        this(settings, staticIps, ioThreads, 0);
    }

    /** The same on a chosen port (0: any free port). */
    public LoopbackServer(ServerSettings settings, Set<String> staticIps, int ioThreads, int port)
            throws InterruptedException {
        this.ioGroup = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
        this.scores = new PeerScores(ScoringSettings.DEFAULTS, staticIps, Clock.systemUTC());
        try {
            this.dataDir = Files.createTempDirectory("hn-loopback");
            this.tokens = new Tokens(NodeSecret.loadOrCreate(dataDir, new SecureRandom()), FakeNode.ADDRESS_0,
                    Clock.systemUTC());
        } catch (IOException | NodeSecretException e) {
            throw new IllegalStateException(e);
        }
        ServerAuth auth = new ServerAuth(tokens, Set.of("127.0.0.1", "::1"), FakeNode.key(0));
        ServerInitializer initializer = new ServerInitializer(settings, node, auth, registry, scores, serviceExecutor,
                Clock.systemUTC());
        this.server = PeerServer.bind(new InetSocketAddress("127.0.0.1", port), acceptGroup, ioGroup, settings, initializer);
    }

    public InetSocketAddress address() {
        return server.localAddress();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        serviceExecutor.shutdownNow();
        try {
            Files.deleteIfExists(dataDir.resolve(NodeSecret.FILE_NAME));
            Files.deleteIfExists(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
