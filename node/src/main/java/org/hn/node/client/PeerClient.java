package org.hn.node.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.PeerKey;
import org.hn.node.peers.TrafficMeter;
import org.hn.node.wire.command.CommandDecoder;
import org.hn.node.wire.command.CommandEncoder;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.frame.FrameFormat;
import org.hn.node.wire.frame.FrameFormatDetector;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens outbound connections to hypernodes and tools' servers ({@code spec/wire.md §6.2, §6.7, §6.8}).
 *
 * <p>Framing ({@code DESIGN.md §4}): v2 first; when the peer closes or does not answer the first message in
 * v2, one more connection is made in legacy framing, and if that one is answered the peer is remembered
 * in the {@link FramingMemory} as legacy (and spoken to in legacy straight away from then on). A refused
 * or timed-out connect is not a framing problem and is not retried. A block push gets no answer to tell
 * the framings apart, so it uses the remembered framing, or legacy, which every node reads.
 *
 * <p>No node behaviour lives here (no exchange loops, no registry): the daemon's workers do that.
 */
public final class PeerClient {

    private static final Logger LOG = LoggerFactory.getLogger(PeerClient.class);

    private final EventLoopGroup group;
    private final ClientSettings settings;
    private final FramingMemory memory;
    private final Clock clock;

    /**
     * @param group    event loops of the outbound connections (owned by the caller)
     * @param settings connect and answer timeouts, framing limits
     * @param memory   framings learnt per peer, shared by every client of the node
     * @param clock    time for the connection statistics
     */
    public PeerClient(EventLoopGroup group, ClientSettings settings, FramingMemory memory, Clock clock) {
        this.group = group;
        this.settings = settings;
        this.memory = memory;
        this.clock = clock;
    }

    /**
     * Connects and says hello ({@code spec/wire.md §6.2 steps 1–2}).
     *
     * @param peer     the peer's IP and listening port
     * @param ourHello our posnet, port ({@link HelloString#ONE_SHOT_PORT} for one-shot connections,
     *                 {@link HelloString#CLIENT_PORT} for command-line clients, else our listening port) and address
     * @return the open session; fails with {@link HelloRefusedException} on {@code ko}, {@link PeerClosedException}
     *         or {@link TimeoutException} when neither framing was answered, or the connect failure
     */
    public CompletableFuture<ClientSession> open(InetSocketAddress peer, HelloString ourHello) {
        return firstExchange(peer, Commands.withString(Type.hello, ourHello.text())).thenCompose(exchange -> {
            Command answer = exchange.answer();
            if (answer.getCommand() == Type.hello) {
                exchange.session().peerHelloText(answer.getStringValue());
                return CompletableFuture.completedFuture(exchange.session());
            }
            exchange.session().close();
            String reason = answer.getCommand() == Type.ko ? answer.getStringValue() : "answered " + answer.getCommand();
            return CompletableFuture.failedFuture(new HelloRefusedException(reason));
        });
    }

    /**
     * Sends a {@code test} request as first and only message and returns the echo ({@code spec/wire.md §6.8}),
     * then closes. Fails like {@link #open} when unanswered.
     */
    public CompletableFuture<Command> test(InetSocketAddress peer, Command testRequest) {
        return firstExchange(peer, testRequest).thenApply(exchange -> {
            exchange.session().close();
            return exchange.answer();
        });
    }

    /**
     * Pushes forged blocks ({@code Command{block, block_value}}) as first and only message and closes
     * ({@code spec/wire.md §6.7}); no answer is awaited. Completes once written.
     */
    public CompletableFuture<Void> pushBlock(InetSocketAddress peer, Command blockPush) {
        PeerKey key = keyOf(peer);
        FrameFormat framing = memory.recall(key).orElse(FrameFormat.LEGACY);
        return connect(peer, framing).thenCompose(session -> session.send(blockPush).whenComplete(
                (written, failure) -> session.close()));
    }

    /** Sends the first message in the remembered framing, else v2 and, if unanswered, legacy. */
    private CompletableFuture<Exchange> firstExchange(InetSocketAddress peer, Command first) {
        PeerKey key = keyOf(peer);
        FrameFormat framing = memory.recall(key).orElse(FrameFormat.V2);
        return ask(peer, framing, first).handle((exchange, failure) -> {
            if (failure == null) {
                memory.remember(key, framing);
                return CompletableFuture.completedFuture(exchange);
            }
            Throwable cause = unwrap(failure);
            if (framing == FrameFormat.V2 && (cause instanceof PeerClosedException || cause instanceof TimeoutException)) {
                LOG.debug("{}: no answer in v2 framing ({}), trying legacy", key, cause.getMessage());
                return ask(peer, FrameFormat.LEGACY, first).thenApply(legacy -> {
                    memory.remember(key, FrameFormat.LEGACY);
                    return legacy;
                });
            }
            return CompletableFuture.<Exchange>failedFuture(cause);
        }).thenCompose(next -> next);
    }

    private CompletableFuture<Exchange> ask(InetSocketAddress peer, FrameFormat framing, Command first) {
        return connect(peer, framing).thenCompose(session -> session.request(first)
                .whenComplete((answer, failure) -> {
                    if (failure != null) {
                        session.close();
                    }
                })
                .thenApply(answer -> new Exchange(session, answer)));
    }

    private CompletableFuture<ClientSession> connect(InetSocketAddress peer, FrameFormat framing) {
        ConnectionStats stats = new ConnectionStats(clock.instant());
        AnswerHandler answers = new AnswerHandler(stats);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("traffic-meter", new TrafficMeter(stats, clock))
                                .addLast(FrameFormatDetector.DECODER_NAME, framing.newDecoder(settings.frames()))
                                .addLast(FrameFormatDetector.ENCODER_NAME, framing.newEncoder(settings.frames()))
                                .addLast("command-decoder", new CommandDecoder())
                                .addLast("command-encoder", new CommandEncoder())
                                .addLast("answers", answers);
                    }
                });
        CompletableFuture<ClientSession> connected = new CompletableFuture<>();
        ChannelFuture connecting = settings.localAddress() == null ? bootstrap.connect(peer)
                : bootstrap.connect(peer, new InetSocketAddress(settings.localAddress(), 0));
        connecting.addListener(future -> {
            if (future.isSuccess()) {
                connected.complete(new ClientSession(connecting.channel(), answers, keyOf(peer), framing, stats,
                        settings.answerTimeout()));
            } else {
                connected.completeExceptionally(future.cause());
            }
        });
        return connected;
    }

    private static PeerKey keyOf(InetSocketAddress peer) {
        return new PeerKey(PeerKey.ipOf(peer), peer.getPort());
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** A session and the answer to its first message. */
    private record Exchange(ClientSession session, Command answer) {
    }
}
