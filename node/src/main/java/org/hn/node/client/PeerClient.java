package org.hn.node.client;

import com.google.protobuf.ByteString;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.hn.chain.address.Address;
import org.hn.chain.crypto.PrivateKey;
import org.hn.node.auth.HelloProof;
import org.hn.node.auth.HelloProofException;
import org.hn.node.auth.HelloRole;
import org.hn.node.auth.HelloTranscript;
import org.hn.node.metrics.CommandMeter;
import org.hn.node.metrics.NodeMetrics;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.PeerKey;
import org.hn.node.peers.TrafficMeter;
import org.hn.node.wire.command.CommandDecoder;
import org.hn.node.wire.command.CommandEncoder;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.frame.FrameFormat;
import org.hn.node.wire.frame.FrameFormatDetector;
import org.hn.node.wire.hello.HelloParseException;
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
 * <p>Hello: a client built with our PoS key first says the authenticated hello {@code posnet0005}
 * ({@code docs/protocol.md §3}) and remembers in the {@link PosnetMemory} the peers that refuse it; otherwise the
 * hello it is given, unchanged (the reference's, byte for byte).
 *
 * <p>No node behaviour lives here (no exchange loops, no registry): the daemon's workers do that.
 */
public final class PeerClient {

    private static final Logger LOG = LoggerFactory.getLogger(PeerClient.class);

    private final EventLoopGroup group;
    private final ClientSettings settings;
    private final FramingMemory memory;
    private final Clock clock;
    private final PrivateKey helloKey;
    private final PosnetMemory posnets;
    private final CommandMeter commandMeter;
    private final SecureRandom random = new SecureRandom();

    /**
     * A client that says the hello it is given (no authenticated hello).
     *
     * @param group    event loops of the outbound connections (owned by the caller)
     * @param settings connect and answer timeouts, framing limits
     * @param memory   framings learnt per peer, shared by every client of the node
     * @param clock    time for the connection statistics
     */
    public PeerClient(EventLoopGroup group, ClientSettings settings, FramingMemory memory, Clock clock) {
        this(group, settings, memory, clock, null, null);
    }

    /**
     * A client that proves its address: every {@link #open} first tries the authenticated hello {@code posnet0005}
     * signed with {@code helloKey}, and falls back to the hello it is given for a peer that answers
     * {@code ko "Bad Posnet posnet0005"} ({@code docs/protocol.md §3.4}).
     *
     * @param helloKey our PoS key; the hellos given to {@link #open} must carry its address
     * @param posnets  peers known to refuse {@code posnet0005}, shared by every client of the node
     */
    public PeerClient(EventLoopGroup group, ClientSettings settings, FramingMemory memory, Clock clock,
                      PrivateKey helloKey, PosnetMemory posnets) {
        this(group, settings, memory, clock, helloKey, posnets, new NodeMetrics());
    }

    /** As above, counting every command in and out into {@code metrics}. */
    public PeerClient(EventLoopGroup group, ClientSettings settings, FramingMemory memory, Clock clock,
                      PrivateKey helloKey, PosnetMemory posnets, NodeMetrics metrics) {
        this.commandMeter = metrics.commandMeter();
        this.group = group;
        this.settings = settings;
        this.memory = memory;
        this.clock = clock;
        this.helloKey = helloKey;
        this.posnets = posnets;
    }

    /**
     * Connects and says hello ({@code spec/wire.md §6.2 steps 1–2}).
     *
     * @param peer     the peer's IP and listening port
     * @param ourHello our posnet, port ({@link HelloString#ONE_SHOT_PORT} for one-shot connections,
     *                 {@link HelloString#CLIENT_PORT} for command-line clients, else our listening port) and address
     * @return the open session; fails with {@link HelloRefusedException} on {@code ko} or a server proof that does
     *         not prove the server's address, {@link PeerClosedException} or {@link TimeoutException} when neither
     *         framing was answered, or the connect failure
     */
    public CompletableFuture<ClientSession> open(InetSocketAddress peer, HelloString ourHello) {
        if (helloKey == null || posnets.isLegacyOnly(keyOf(peer))) {
            return openLegacy(peer, ourHello);
        }
        return openAuthenticated(peer, ourHello);
    }

    /** {@code docs/protocol.md §3.2}, falling back to {@code ourHello} on {@code ko "Bad Posnet posnet0005"}. */
    private CompletableFuture<ClientSession> openAuthenticated(InetSocketAddress peer, HelloString ourHello) {
        byte networkId = settings.frames().network().networkId();
        if (!Address.fromPublicKey(helloKey.publicKey(), networkId).equals(ourHello.address())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("the hello address "
                    + ourHello.address() + " is not the one of our PoS key"));
        }
        String ourText = new HelloString(HelloTranscript.POSNET, ourHello.port(), ourHello.address()).text();
        byte[] clientNonce = new byte[HelloTranscript.NONCE_LENGTH];
        random.nextBytes(clientNonce);
        Command hello = Command.newBuilder().setCommand(Type.hello).setStringValue(ourText)
                .addHashValues(ByteString.copyFrom(clientNonce)).build();
        return firstExchange(peer, hello).thenCompose(exchange -> {
            Command answer = exchange.answer();
            ClientSession session = exchange.session();
            if (answer.getCommand() == Type.ko && answer.getStringValue().equals("Bad Posnet " + HelloTranscript.POSNET)) {
                session.close();
                LOG.debug("{}: refuses posnet0005, saying {} from now on", session.peer(), ourHello.posnet());
                posnets.rememberLegacyOnly(keyOf(peer));
                return openLegacy(peer, ourHello);
            }
            if (answer.getCommand() != Type.hello) {
                session.close();
                return CompletableFuture.failedFuture(new HelloRefusedException(refusalOf(answer)));
            }
            HelloProof ours;
            try {
                HelloString theirs = HelloString.parse(answer.getStringValue());
                if (answer.getHashValuesCount() != 3 || answer.getHashValues(0).size() != HelloTranscript.NONCE_LENGTH) {
                    throw new HelloProofException(HelloProofException.Reason.MALFORMED,
                            "the answer has no nonce, key and signature");
                }
                HelloTranscript transcript = new HelloTranscript(settings.frames().network().frameMagic(), clientNonce,
                        answer.getHashValues(0).toByteArray(), ourText, answer.getStringValue());
                HelloProof.fromHashValues(answer.getHashValuesList(), 1)
                        .verify(transcript, HelloRole.SERVER, theirs.address(), networkId);
                ours = HelloProof.sign(helloKey, transcript, HelloRole.CLIENT);
            } catch (HelloParseException | HelloProofException e) {
                session.close();
                return CompletableFuture.failedFuture(new HelloRefusedException("server hello proof: " + e.getMessage()));
            }
            session.peerHelloText(answer.getStringValue());
            Command proof = Command.newBuilder().setCommand(Type.hello).addAllHashValues(ours.toHashValues()).build();
            return session.request(proof).thenCompose(verdict -> {
                if (verdict.getCommand() == Type.ok) {
                    return CompletableFuture.completedFuture(session);
                }
                session.close();
                return CompletableFuture.<ClientSession>failedFuture(new HelloRefusedException(refusalOf(verdict)));
            });
        });
    }

    private CompletableFuture<ClientSession> openLegacy(InetSocketAddress peer, HelloString ourHello) {
        return firstExchange(peer, Commands.withString(Type.hello, ourHello.text())).thenCompose(exchange -> {
            Command answer = exchange.answer();
            if (answer.getCommand() == Type.hello) {
                exchange.session().peerHelloText(answer.getStringValue());
                return CompletableFuture.completedFuture(exchange.session());
            }
            exchange.session().close();
            return CompletableFuture.failedFuture(new HelloRefusedException(refusalOf(answer)));
        });
    }

    /** The {@code ko} reason, or what was answered instead. */
    private static String refusalOf(Command answer) {
        return answer.getCommand() == Type.ko ? answer.getStringValue() : "answered " + answer.getCommand();
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
                                .addLast(CommandMeter.NAME, commandMeter)
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
