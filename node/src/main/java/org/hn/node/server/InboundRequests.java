package org.hn.node.server;

import com.google.protobuf.ByteString;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.hn.chain.address.Address;
import org.hn.chain.block.PosBlock;
import org.hn.chain.message.PosMessage;
import org.hn.node.auth.HelloProof;
import org.hn.node.auth.HelloProofException;
import org.hn.node.auth.HelloRole;
import org.hn.node.auth.HelloTranscript;
import org.hn.node.auth.Tokens;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.Direction;
import org.hn.node.peers.Misbehaviour;
import org.hn.node.peers.PeerConnection;
import org.hn.node.peers.PeerKey;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.hello.HelloParseException;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.mapping.ChainProtos;
import org.hn.node.wire.proto.Block;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.hn.node.wire.proto.Height;
import org.hn.node.wire.proto.TX;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server answers to each request of an inbound connection ({@code spec/wire.md §4, §6.3, §8}),
 * apart from the Netty plumbing. Runs on the service executor, one request of a connection at a time;
 * stateless itself, so one instance serves every connection.
 */
final class InboundRequests {

    private static final Logger LOG = LoggerFactory.getLogger(InboundRequests.class);
    /** Mempool txs older than this are not offered ({@code spec/wire.md §4.5 step 4}). */
    private static final long MEMPOOL_MAX_AGE_SECONDS = 3600;
    /** A txid is 64 bytes, 128 hex characters. */
    private static final int TXID_HEX_LENGTH = 128;
    /** A {@code getaddtxs} extra of this many characters or more is a txid ({@code spec/wire.md §4.12}). */
    private static final int TXID_EXTRA_MIN_LENGTH = 10;
    /** More digits than any height, round or count; refused before parsing. */
    private static final int MAX_NUMBER_DIGITS = 18;
    /** Answer to {@code update}, which we never implement ({@code DESIGN.md §7}). */
    private static final String UPDATE_REFUSAL = "Remote update is not supported";
    /** Answer to {@code getround R} for a round without a recorded schedule: JSON {@code null}. */
    private static final String UNKNOWN_ROUND = "null";

    private final NodeServices services;
    private final ServerSettings settings;
    private final ServerAuth auth;
    private final ClientGate gate;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    InboundRequests(NodeServices services, ServerSettings settings, ServerAuth auth, Clock clock) {
        this.services = services;
        this.settings = settings;
        this.auth = auth;
        this.gate = new ClientGate(auth);
        this.clock = clock;
    }

    /**
     * The first message of a connection ({@code spec/wire.md §6.3 step 2}); a {@code posnet0005} hello is answered
     * with our proof and the connection waits for the client's ({@code docs/protocol.md §3}).
     *
     * @throws RequestException when it is neither an acceptable {@code hello}, {@code block} nor {@code test}
     */
    Reply first(Command request, InetSocketAddress remote, ConnectionStats stats) {
        Type type = request.getCommand();
        String ip = PeerKey.ipOf(remote);
        return switch (type) {
            case hello -> hello(request, remote, stats);
            case block -> guarded(type, () -> pushedBlocks(request, ip));
            case test -> guarded(type, () -> test(request, ip));
            default -> throw RequestException.refused(Misbehaviour.NO_HELLO, "Did not say hello",
                    "first message is " + type);
        };
    }

    /**
     * A request after an accepted hello ({@code spec/wire.md §4.2–§4.18}): a token presentation
     * ({@code hello} with {@link Tokens#WIRE_PREFIX}, {@code docs/protocol.md §2}), or a command, which must pass
     * the {@link ClientGate} first.
     *
     * @param token the token the connection presented earlier, or null
     * @throws RequestException when the request is refused, malformed, or the node fails to serve it
     */
    Reply serve(Command request, PeerConnection connection, String token) {
        Type type = request.getCommand();
        if (type == Type.hello && request.getStringValue().startsWith(Tokens.WIRE_PREFIX)) {
            return gate.present(request.getStringValue().substring(Tokens.WIRE_PREFIX.length()), connection);
        }
        gate.admit(request, connection, token);
        return guarded(type, () -> dispatch(type, request, connection));
    }

    /** Runs a handler, turning a service failure into {@link RequestException#failed}. */
    private static Reply guarded(Type type, Supplier<Reply> handler) {
        try {
            return handler.get();
        } catch (RequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw RequestException.failed(type, e);
        }
    }

    private Reply dispatch(Type type, Command request, PeerConnection connection) {
        return switch (type) {
            case status -> Reply.answer(Commands.withString(type, services.reports().statusJson()));
            case tx -> tx(request, connection);
            case mempool -> mempool(request, connection);
            case update -> Reply.answer(Commands.withString(Type.ko, UPDATE_REFUSAL));
            case height -> height(request, connection);
            case blockinfo -> Reply.answer(Commands.withHeight(type, blockInfo(request.getInt32Value())));
            case blocksync -> Reply.answer(Commands.withBlocks(type,
                    blocks(services.chain().blocksFrom(nonNegative(type, request.getInt32Value(), "Bad height")))));
            case roundblocks -> Reply.answer(Commands.withBlocks(type,
                    blocks(services.chain().roundBlocks(nonNegative(type, request.getInt32Value(), "Bad round")))));
            case getblock -> Reply.answer(Commands.withBlocks(type, blocks(services.chain()
                    .block(nonNegative(type, request.getInt32Value(), "Bad height")).map(List::of).orElse(List.of()))));
            case getaddtxs -> Reply.answer(Commands.withTxs(type, txs(addressTxs(request.getStringValue()))));
            case gettx -> Reply.answer(Commands.withTxs(type,
                    txs(services.chain().tx(txid(type, request.getStringValue())).map(List::of).orElse(List.of()))));
            case getheaders -> Reply.answer(Commands.withBlocks(type, headers(request.getStringValue())));
            case getround -> Reply.answer(Commands.withString(type, request.hasInt32Value()
                    ? services.reports().recordedRoundJson(nonNegative(type, request.getInt32Value(), "Bad round"))
                            .orElse(UNKNOWN_ROUND)
                    : services.reports().roundJson()));
            case gethypernodes -> hypernodes(request, connection);
            case getheights -> Reply.answer(Commands.withString(type, services.reports().heightsJson()));
            case ping -> Reply.nothing();
            case hello, ok, ko, peers, block, test -> throw RequestException.unexpected(type, "not served after hello");
        };
    }

    private Reply hello(Command request, InetSocketAddress remote, ConnectionStats stats) {
        String text = request.getStringValue();
        String posnet = text.substring(0, Math.min(HelloString.POSNET_LENGTH, text.length()));
        boolean authenticated = posnet.equals(HelloTranscript.POSNET);
        if (!authenticated && !services.view().allowedPosnets().contains(posnet)) {
            throw RequestException.refused(Misbehaviour.BAD_POSNET, "Bad Posnet " + posnet, "posnet not allowed");
        }
        HelloString hello;
        try {
            hello = HelloString.parse(text);
        } catch (HelloParseException e) {
            throw RequestException.refused(Misbehaviour.MALFORMED_HELLO, "Bad hello", e.getMessage());
        }
        if (!Address.isValid(hello.address(), settings.frames().network().networkId())) {
            throw RequestException.refused(Misbehaviour.MALFORMED_HELLO, "Bad address", "hello address is not valid");
        }
        if (authenticated) {
            return challenge(request, hello);
        }
        if (auth.registeredPeersOnly() && hello.port() != HelloString.CLIENT_PORT
                && !services.view().isRegisteredIp(PeerKey.ipOf(remote))) {
            // DESIGN.md §4: an unauthenticated peer hello only from a registered IP; clients say port 00101
            throw RequestException.refused(null, "Not a registered hypernode", "legacy hello from an unregistered IP");
        }
        PeerConnection connection = new PeerConnection(PeerKey.of(remote, hello.port()), Direction.INBOUND, stats, hello);
        return Reply.helloAccepted(Commands.withString(Type.hello, services.view().ownHello().text()), connection);
    }

    /**
     * {@code docs/protocol.md §3.2 step 2}: our hello string in {@code posnet0005}, our nonce, key and signature; the
     * client's proof is expected next.
     */
    private Reply challenge(Command request, HelloString hello) {
        if (request.getHashValuesCount() != 1 || request.getHashValues(0).size() != HelloTranscript.NONCE_LENGTH) {
            throw RequestException.refused(Misbehaviour.MALFORMED_HELLO, "Bad hello nonce",
                    "posnet0005 hello without a 32-byte nonce in hash_values[0]");
        }
        HelloString own = services.view().ownHello();
        String ourHello = new HelloString(HelloTranscript.POSNET, own.port(), own.address()).text();
        byte[] serverNonce = new byte[HelloTranscript.NONCE_LENGTH];
        random.nextBytes(serverNonce);
        HelloTranscript transcript = new HelloTranscript(settings.frames().network().frameMagic(),
                request.getHashValues(0).toByteArray(), serverNonce, hello.text(), ourHello);
        HelloProof ours = HelloProof.sign(auth.helloKey(), transcript, HelloRole.SERVER);
        Command answer = Command.newBuilder().setCommand(Type.hello).setStringValue(ourHello)
                .addHashValues(ByteString.copyFrom(serverNonce)).addAllHashValues(ours.toHashValues()).build();
        return Reply.challenged(answer, new PendingProof(hello, transcript));
    }

    /**
     * The message after our answer to an authenticated hello: the client's proof ({@code docs/protocol.md §3.2
     * step 3, §3.3}), answered {@code ok} when it proves the hello's address and, for a node (any port but
     * {@code 00101}), that address is registered for the current round under the connection's IP.
     *
     * @throws RequestException {@code ko} with the reason of §3.3, then close
     */
    Reply proof(Command request, PendingProof pending, InetSocketAddress remote, ConnectionStats stats) {
        if (request.getCommand() != Type.hello || request.hasStringValue()) {
            throw RequestException.refused(Misbehaviour.MALFORMED_HELLO, "Bad hello proof",
                    "expected the hello proof, got " + request.getCommand());
        }
        HelloString hello = pending.hello();
        try {
            HelloProof.fromHashValues(request.getHashValuesList(), 0).verify(pending.transcript(), HelloRole.CLIENT,
                    hello.address(), settings.frames().network().networkId());
        } catch (HelloProofException e) {
            String koReason = switch (e.reason()) {
                case MALFORMED -> "Bad hello proof";
                case KEY_NOT_ADDRESS -> "Hello key does not match address";
                case BAD_SIGNATURE -> "Bad hello signature";
            };
            throw RequestException.refused(Misbehaviour.MALFORMED_HELLO, koReason, e.getMessage());
        }
        String ip = PeerKey.ipOf(remote);
        if (hello.port() != HelloString.CLIENT_PORT) {
            Optional<String> registered = services.view().registeredIp(hello.address());
            if (registered.isEmpty()) {
                throw RequestException.refused(null, "Address not registered",
                        hello.address() + " is not registered for the current round");
            }
            if (!registered.get().equals(ip)) {
                throw RequestException.refused(null, "Address registered from another IP",
                        hello.address() + " is registered from " + registered.get());
            }
        }
        PeerConnection connection = new PeerConnection(PeerKey.of(remote, hello.port()), Direction.INBOUND, stats, hello);
        return Reply.helloAccepted(Commands.bare(Type.ok), connection);
    }

    /** {@code spec/wire.md §4.3}: unregistered senders are dropped silently; never answered. */
    private Reply pushedBlocks(Command request, String ip) {
        if (!services.view().isRegisteredIp(ip)) {
            LOG.info("block push from unregistered IP {} ignored", ip);
            return Reply.closeSilently();
        }
        long now = clock.instant().getEpochSecond();
        List<PosBlock> blocks = new ArrayList<>(request.getBlockValueCount());
        for (Block block : request.getBlockValueList()) {
            blocks.add(ChainProtos.fromProto(block, ip, now));
        }
        if (services.pushes().blocksPushed(ip, blocks)) {
            throw RequestException.refused(Misbehaviour.INVALID_BLOCK, null, "pushed an invalid block");
        }
        return Reply.closeSilently();
    }

    /** {@code spec/wire.md §6.8 step 3}: the request is echoed unchanged, then the connection closed. */
    private Reply test(Command request, String ip) {
        if (request.getTxValuesCount() == 0) {
            throw RequestException.malformed(Type.test, "Bad test", "no test message");
        }
        if (!services.view().isRegisteredIp(ip)) {
            LOG.info("test request from unregistered IP {} ignored", ip);
            return Reply.closeSilently();
        }
        PosMessage testRequest = ChainProtos.fromProto(request.getTxValues(0), clock.instant().getEpochSecond());
        return services.pushes().testRequested(ip, testRequest) ? Reply.answerAndClose(request) : Reply.closeSilently();
    }

    /** {@code spec/wire.md §4.4}: {@code ok}, or {@code ko} without reason when digestion fails. */
    private Reply tx(Command request, PeerConnection connection) {
        try {
            services.mempool().digest(connection.key(), received(request));
            return Reply.answer(Commands.bare(Type.ok));
        } catch (RuntimeException e) {
            LOG.warn("{}: tx digestion failed", connection.key(), e);
            return Reply.answer(Commands.bare(Type.ko));
        }
    }

    /** {@code spec/wire.md §4.5}. */
    private Reply mempool(Command request, PeerConnection connection) {
        List<PosMessage> incoming = received(request);
        if (services.view().isRegisteredIp(connection.key().ip())) {
            try {
                services.mempool().digest(connection.key(), incoming);
            } catch (RuntimeException e) {
                LOG.warn("{}: mempool digestion failed", connection.key(), e);
            }
        }
        ConnectionStats stats = connection.stats();
        long since = stats.lastMempoolExchange().map(Instant::getEpochSecond).orElse(0L);
        long oldest = clock.instant().getEpochSecond() - MEMPOOL_MAX_AGE_SECONDS;
        Set<String> justReceived = new HashSet<>();
        incoming.forEach(message -> justReceived.add(message.txidHex()));
        List<PosMessage> selection = new ArrayList<>();
        for (PosMessage message : services.mempool().receivedSince(since)) {
            if (message.timestamp() >= oldest && !justReceived.contains(message.txidHex())) {
                selection.add(message);
            }
        }
        if (selection.size() > settings.maxMempoolAnswer()) {
            Collections.shuffle(selection, ThreadLocalRandom.current());
            selection = selection.subList(0, settings.maxMempoolAnswer());
        }
        stats.mempoolExchangedAt(clock.instant());
        return Reply.answer(Commands.withTxs(Type.mempool, txs(selection)));
    }

    /** {@code spec/wire.md §4.7}: the peer's tip is kept only from registered IPs; ours is always answered. */
    private Reply height(Command request, PeerConnection connection) {
        if (services.view().isRegisteredIp(connection.key().ip())) {
            connection.heightStatus(ChainProtos.fromProto(request.getHeightValue()));
        }
        connection.stats().heightExchangedAt(clock.instant());
        return Reply.answer(Commands.withHeight(Type.height, ChainProtos.toProto(services.chain().tip())));
    }

    /** {@code spec/wire.md §4.8}: an unknown (or negative) height gets all zeros and an empty hash. */
    private Height blockInfo(int height) {
        Optional<Height> known = height < 0 ? Optional.empty() : services.chain().blockInfo(height).map(ChainProtos::toProto);
        return known.orElseGet(() -> Height.newBuilder().setHeight(0).setRound(0).setSir(0)
                .setBlockHash(ByteString.EMPTY).setUniques(0).setUniquesRound(0)
                .setForgers(0).setForgersRound(0).build());
    }

    /** {@code spec/wire.md §4.12}: {@code address}, {@code address,height} or {@code address,txid}. */
    private List<PosMessage> addressTxs(String parameter) {
        int comma = parameter.indexOf(',');
        String address = comma < 0 ? parameter : parameter.substring(0, comma);
        if (!Address.isValid(address, settings.frames().network().networkId())) {
            throw RequestException.malformed(Type.getaddtxs, "Bad address", "address is not valid");
        }
        if (comma < 0) {
            return services.chain().addressTxs(address);
        }
        String extra = parameter.substring(comma + 1);
        long fromHeight;
        if (extra.length() < TXID_EXTRA_MIN_LENGTH) {
            fromHeight = number(Type.getaddtxs, extra, "Bad height");
        } else {
            byte[] txid = hex(Type.getaddtxs, extra, "Bad txid");
            fromHeight = services.chain().tx(txid)
                    .orElseThrow(() -> RequestException.unanswerable(Type.getaddtxs, "Unknown txid", "anchoring txid not found"))
                    .blockHeight();
        }
        return services.chain().addressTxsFrom(address, fromHeight);
    }

    /** {@code spec/wire.md §4.14}: {@code ""}/{@code None}, {@code ,N} newest first, {@code S,N} ascending. */
    private List<Block> headers(String parameter) {
        String trimmed = parameter.strip();
        List<PosBlock> blocks;
        if (trimmed.isEmpty() || trimmed.equals("None")) {
            blocks = services.chain().latestHeaders(settings.defaultHeaderCount());
        } else {
            int comma = trimmed.indexOf(',');
            if (comma < 0) {
                throw RequestException.malformed(Type.getheaders, "Bad getheaders parameter", "no comma");
            }
            String start = trimmed.substring(0, comma).strip();
            int count = (int) Math.min(number(Type.getheaders, trimmed.substring(comma + 1).strip(),
                    "Bad getheaders parameter"), settings.maxHeaderCount());
            blocks = start.isEmpty() ? services.chain().latestHeaders(count)
                    : services.chain().headersFrom(number(Type.getheaders, start, "Bad getheaders parameter"), count);
        }
        List<Block> headers = new ArrayList<>(blocks.size());
        for (PosBlock block : blocks) {
            headers.add(ChainProtos.toProto(block).toBuilder().clearTxs().build());
        }
        return headers;
    }

    /** {@code spec/wire.md §4.16}: outside the allowlist the command is treated as unknown. */
    private Reply hypernodes(Command request, PeerConnection connection) {
        if (!services.view().isQueryAllowed(connection.key().ip())) {
            throw RequestException.unexpected(Type.gethypernodes, "IP not allowed to query");
        }
        try {
            return Reply.answer(Commands.withString(Type.gethypernodes,
                    services.reports().hypernodesJson(request.getStringValue())));
        } catch (IllegalArgumentException e) {
            throw RequestException.malformed(Type.gethypernodes, "Bad gethypernodes parameter", e.getMessage());
        }
    }

    /** The request's txs as messages received now. */
    private List<PosMessage> received(Command request) {
        long now = clock.instant().getEpochSecond();
        List<PosMessage> messages = new ArrayList<>(request.getTxValuesCount());
        for (TX tx : request.getTxValuesList()) {
            messages.add(ChainProtos.fromProto(tx, now));
        }
        return messages;
    }

    private static long nonNegative(Type type, int value, String koReason) {
        if (value < 0) {
            throw RequestException.malformed(type, koReason, "negative parameter " + value);
        }
        return value;
    }

    /** A non-negative decimal number of at most 18 digits. */
    private static long number(Type type, String text, String koReason) {
        if (text.isEmpty() || text.length() > MAX_NUMBER_DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw RequestException.malformed(type, koReason, "not a number: " + text.length() + " characters");
        }
        return Long.parseLong(text);
    }

    private static byte[] txid(Type type, String text) {
        if (text.length() != TXID_HEX_LENGTH) {
            throw RequestException.malformed(type, "Bad txid", "txid of " + text.length() + " characters");
        }
        return hex(type, text, "Bad txid");
    }

    private static byte[] hex(Type type, String text, String koReason) {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw RequestException.malformed(type, koReason, "not hex");
        }
    }

    private static List<Block> blocks(List<PosBlock> blocks) {
        List<Block> protos = new ArrayList<>(blocks.size());
        for (PosBlock block : blocks) {
            protos.add(ChainProtos.toProto(block));
        }
        return protos;
    }

    private static List<TX> txs(List<PosMessage> messages) {
        List<TX> protos = new ArrayList<>(messages.size());
        for (PosMessage message : messages) {
            protos.add(ChainProtos.toProto(message));
        }
        return protos;
    }
}
