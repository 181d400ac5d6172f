package org.hn.node.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.hn.node.logging.LogCategory;
import org.hn.node.metrics.CommandMeter;
import org.hn.node.metrics.NodeMetrics;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.PeerKey;
import org.hn.node.peers.PeerScores;
import org.hn.node.peers.TrafficMeter;
import org.hn.node.wire.command.CommandDecoder;
import org.hn.node.wire.command.CommandEncoder;
import org.hn.node.wire.frame.FrameFormatDetector;

/**
 * Admits an accepted connection and builds its pipeline, which reads top to bottom like the protocol:
 *
 * <pre>
 *   traffic-meter       raw bytes in and out, headers included, into the connection's statistics
 *   idle-timeout        90 s without reading closes ({@code spec/wire.md §1.5})
 *   handshake-timeout   the first complete message must arrive in time; removed by the session after it
 *   frame-format        first byte → installs frame-decoder / frame-encoder (v2 or legacy, {@code DESIGN.md §4})
 *   command-decoder     payload → {@code Command}
 *   command-encoder     {@code Command} → payload, then the frame encoder
 *   command-meter       counts commands in and out ({@link CommandMeter})
 *   session             {@link InboundSession}
 * </pre>
 *
 * A connection from a banned IP, or above the inbound or per-IP cap, is closed at once.
 */
public final class ServerInitializer extends ChannelInitializer<SocketChannel> {

    private final ServerSettings settings;
    private final NodeServices services;
    private final ConnectionRegistry registry;
    private final PeerScores scores;
    private final InboundLimits limits;
    private final Executor serviceExecutor;
    private final Clock clock;
    private final InboundRequests requests;
    private final CommandMeter commandMeter;
    /** Every accepted connection still open; a channel leaves the group when it closes. */
    private final ChannelGroup connections = new DefaultChannelGroup("peer-connections", GlobalEventExecutor.INSTANCE);

    /**
     * @param settings        limits and timeouts
     * @param services        the node behind the server
     * @param auth            token verification and the legacy client allowlist
     * @param registry        where connections are entered after hello
     * @param scores          peer IP reputation: bans refuse connections, breaches are counted
     * @param serviceExecutor runs blocking service calls off the event loops (a few threads suffice)
     * @param clock           time for statistics and message reception times
     */
    public ServerInitializer(ServerSettings settings, NodeServices services, ServerAuth auth,
                             ConnectionRegistry registry, PeerScores scores, Executor serviceExecutor, Clock clock) {
        this(settings, services, auth, registry, scores, serviceExecutor, clock, new NodeMetrics());
    }

    /** As above, counting every command in and out into {@code metrics}. */
    public ServerInitializer(ServerSettings settings, NodeServices services, ServerAuth auth,
                             ConnectionRegistry registry, PeerScores scores, Executor serviceExecutor, Clock clock,
                             NodeMetrics metrics) {
        this.commandMeter = metrics.commandMeter();
        this.settings = settings;
        this.services = services;
        this.registry = registry;
        this.scores = scores;
        this.limits = new InboundLimits(settings.maxInbound(), settings.maxPerIp());
        this.serviceExecutor = serviceExecutor;
        this.clock = clock;
        this.requests = new InboundRequests(services, settings, auth, clock);
    }

    /** The open accepted connections, which {@link PeerServer#close()} closes. */
    ChannelGroup connections() {
        return connections;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        connections.add(channel);
        String ip = PeerKey.ipOf(channel.remoteAddress());
        if (scores.isBanned(ip)) {
            LogCategory.CONNECTIONS.logger().debug("refused connection from banned IP {}", ip);
            channel.close();
            return;
        }
        if (!limits.tryAcquire(ip)) {
            LogCategory.CONNECTIONS.logger().debug("refused connection from {}: inbound connection cap reached", ip);
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> limits.release(ip));

        ConnectionStats stats = new ConnectionStats(clock.instant());
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("traffic-meter", new TrafficMeter(stats, clock));
        pipeline.addLast("idle-timeout", new ReadTimeoutHandler(settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast(HandshakeTimeout.NAME, new HandshakeTimeout(settings.handshakeTimeout()));
        pipeline.addLast("frame-format", new FrameFormatDetector(settings.frames()));
        pipeline.addLast("command-decoder", new CommandDecoder());
        pipeline.addLast("command-encoder", new CommandEncoder());
        pipeline.addLast(CommandMeter.NAME, commandMeter);
        pipeline.addLast("session", new InboundSession(requests, services.view(), registry, scores, stats,
                serviceExecutor, settings.maxPendingRequests()));
    }
}
