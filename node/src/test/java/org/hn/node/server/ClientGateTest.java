package org.hn.node.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hn.chain.testing.TestClock;
import org.hn.config.Network;
import org.hn.node.auth.NodeSecret;
import org.hn.node.auth.TokenScope;
import org.hn.node.auth.Tokens;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.Misbehaviour;
import org.hn.node.peers.PeerScores;
import org.hn.node.peers.ScoringSettings;
import org.hn.node.wire.WireVectors;
import org.hn.node.wire.command.CommandDecoder;
import org.hn.node.wire.command.CommandEncoder;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.frame.LegacyFrameDecoder;
import org.hn.node.wire.frame.LegacyFrameEncoder;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.hn.node.wire.proto.TX;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token gate of the client-only commands ({@code docs/protocol.md §2}), with the default loopback allowlist. */
class ClientGateTest {

    private static final long NOW = 1_700_000_000L;
    private static final InetSocketAddress REMOTE = new InetSocketAddress("10.0.0.1", 40000);
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 40000);
    private static final String CLIENT_HELLO = "posnet000200101" + FakeNode.ADDRESS_1;
    private static final String PEER_HELLO = "posnet000206969" + FakeNode.ADDRESS_1;

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;

    private final FakeNode node = new FakeNode();
    private final TestClock clock = new TestClock(Instant.ofEpochSecond(NOW));
    private final PeerScores scores = new PeerScores(ScoringSettings.DEFAULTS, Set.of(), clock);
    private final ServerSettings settings = ServerSettings.defaults(Network.MAINNET);
    private Tokens tokens;
    private ServerAuth auth;

    @BeforeEach
    void secret() throws Exception {
        tokens = new Tokens(NodeSecret.loadOrCreate(dataDir, new SecureRandom()), FakeNode.ADDRESS_0, clock);
        auth = new ServerAuth(tokens, Set.of("127.0.0.1", "::1"), FakeNode.key(0));
    }

    private InboundSession session() {
        return new InboundSession(new InboundRequests(node, settings, auth, clock), node, new ConnectionRegistry(),
                scores, new ConnectionStats(clock.instant()), Runnable::run, settings.maxPendingRequests());
    }

    /** A connection from {@code remote} whose hello {@code helloText} was answered. */
    private SessionChannel said(InetSocketAddress remote, String helloText) {
        SessionChannel channel = new SessionChannel(remote, session());
        assertEquals(Commands.withString(Type.hello, node.ownHello.text()), channel.exchange(Commands.withString(Type.hello, helloText)));
        return channel;
    }

    /** A client connection from a remote IP that presented {@code token}, answered ok. */
    private SessionChannel withToken(String token) {
        SessionChannel channel = said(REMOTE, CLIENT_HELLO);
        assertEquals(Commands.bare(Type.ok), channel.exchange(Commands.withString(Type.hello, "token:" + token)));
        return channel;
    }

    @Test
    void anUnregisteredIpMaySayAPeerHelloOnlyWhenTheRuleIsOff() {
        auth = new ServerAuth(tokens, Set.of("127.0.0.1", "::1"), FakeNode.key(0), true);
        SessionChannel stranger = new SessionChannel(REMOTE, session());
        Command ko = stranger.exchange(Commands.withString(Type.hello, PEER_HELLO));
        assertEquals(Commands.withString(Type.ko, "Not a registered hypernode"), ko);
        assertFalse(stranger.isActive());
        assertEquals(100, scores.score("10.0.0.1"), "our registry may lag: not held against the peer");

        said(REMOTE, CLIENT_HELLO).close();
        node.registeredIps.add("10.0.0.1");
        said(REMOTE, PEER_HELLO).close();
    }

    private static Command txCommand() {
        return Command.newBuilder().setCommand(Type.tx).addTxValues(TX.newBuilder()
                .setTxid(ByteString.copyFrom(FakeNode.filled(64, 1))).setBlockHeight(0).setTimestamp((int) NOW)
                .setSender(FakeNode.ADDRESS_0).setRecipient(FakeNode.ADDRESS_1).setWhat(202).setValue(1)
                .setParams("START").setPubkey(ByteString.copyFrom(FakeNode.filled(64, 0x77)))).build();
    }

    private void assertRefused(SessionChannel channel, Command request, String koReason) {
        assertEquals(Commands.withString(Type.ko, koReason), channel.exchange(request));
        assertFalse(channel.isActive());
    }

    @Test
    void neededScopes() {
        assertEquals(TokenScope.ADMIN, ClientGate.neededScope(Type.tx, 6969).orElseThrow());
        for (Type query : List.of(Type.status, Type.getblock, Type.getaddtxs, Type.gettx, Type.getheaders,
                Type.getround, Type.gethypernodes, Type.getheights)) {
            assertEquals(TokenScope.READ, ClientGate.neededScope(query, 6969).orElseThrow(), query.name());
        }
        assertEquals(TokenScope.READ, ClientGate.neededScope(Type.blocksync, 101).orElseThrow());
        assertEquals(TokenScope.READ, ClientGate.neededScope(Type.mempool, 101).orElseThrow());
        for (Type peer : List.of(Type.blocksync, Type.mempool, Type.height, Type.blockinfo, Type.roundblocks,
                Type.ping, Type.update)) {
            assertTrue(ClientGate.neededScope(peer, 6969).isEmpty(), peer.name());
        }
    }

    @Test
    void theReferenceClientFlowFromLoopbackIsServedWithoutToken() {
        JsonNode clientHello = WireVectors.wire().get("hello").get(2);   // posnet000200101…, port 101
        FrameSettings frames = FrameSettings.defaults(Network.MAINNET);
        SessionChannel channel = new SessionChannel(LOOPBACK, new LegacyFrameDecoder(frames),
                new LegacyFrameEncoder(frames), new CommandDecoder(), new CommandEncoder(), session());
        channel.writeInbound(WireVectors.buffer(clientHello.get("framed_hex").asText()));
        channel.runPendingTasks();
        // Our hello, legacy-framed: the vector's port-6969 hello frame, since the fake announces that one.
        assertEquals(WireVectors.wire().get("hello").get(0).get("framed_hex").asText(),
                WireVectors.hexAndRelease(channel.readOutbound()));
        channel.writeInbound(WireVectors.buffer("00000002" + "0805"));
        channel.runPendingTasks();
        // Legacy frame: 4-byte length, then 08 05 (status) 12 <len> <JSON>.
        byte[] json = FakeNode.STATUS_JSON.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(String.format("%08x", json.length + 4) + "0805" + "12" + String.format("%02x", json.length)
                + java.util.HexFormat.of().formatHex(json), WireVectors.hexAndRelease(channel.readOutbound()));
        assertTrue(channel.isActive());
    }

    @Test
    void legacyClientsOutsideTheAllowlistGetTokenRequired() {
        assertRefused(said(REMOTE, CLIENT_HELLO), Commands.bare(Type.status), "token required");
        assertRefused(said(REMOTE, CLIENT_HELLO), txCommand(), "token required");
        assertRefused(said(REMOTE, CLIENT_HELLO), Commands.withInt32(Type.blocksync, 0), "token required");
        assertRefused(said(REMOTE, CLIENT_HELLO), Commands.withInt32(Type.mempool, 1), "token required");
        // Announcing a peer port does not open the client-only commands either.
        assertRefused(said(REMOTE, PEER_HELLO), Commands.bare(Type.getround), "token required");
        assertFalse(node.calls.contains("statusJson"));
        assertFalse(node.calls.contains("roundJson"));
        assertEquals(100, scores.score("10.0.0.1"));
    }

    @Test
    void peerCommandsNeedNoToken() {
        SessionChannel peer = said(REMOTE, PEER_HELLO);
        assertEquals(Type.blockinfo, peer.exchange(Commands.withInt32(Type.blockinfo, 1)).getCommand());
        assertEquals(List.of(0, 1, 2), peer.exchange(Commands.withInt32(Type.blocksync, 0)).getBlockValueList().stream()
                .map(block -> block.getHeight()).toList());
        assertEquals(Type.mempool, peer.exchange(Commands.bare(Type.mempool)).getCommand());
        assertTrue(peer.isActive());
    }

    @Test
    void aReadTokenServesQueriesButNotTx() {
        SessionChannel channel = withToken(tokens.issue(TokenScope.READ, Duration.ofHours(1), "monitoring"));
        assertEquals(Commands.withString(Type.status, FakeNode.STATUS_JSON), channel.exchange(Commands.bare(Type.status)));
        assertEquals(List.of(2), channel.exchange(Commands.withInt32(Type.getblock, 2)).getBlockValueList().stream()
                .map(block -> block.getHeight()).toList());
        assertEquals(3, channel.exchange(Commands.withInt32(Type.blocksync, 0)).getBlockValueCount());
        assertRefused(channel, txCommand(), "token scope read does not allow tx");
        assertTrue(node.digested.isEmpty());
        assertEquals(100, scores.score("10.0.0.1"));
    }

    @Test
    void anAdminTokenAllowsTx() {
        SessionChannel channel = withToken(tokens.issue(TokenScope.ADMIN, Duration.ofHours(1), "operator"));
        assertEquals(Commands.bare(Type.ok), channel.exchange(txCommand()));
        assertEquals(1, node.digested.size());
        assertEquals(Commands.withString(Type.getround, FakeNode.ROUND_JSON), channel.exchange(Commands.bare(Type.getround)));
    }

    @Test
    void badTokensAreRefusedWhenPresented() throws Exception {
        assertRefused(said(REMOTE, CLIENT_HELLO), Commands.withString(Type.hello, "token:"), "token malformed");
        assertRefused(said(REMOTE, CLIENT_HELLO), Commands.withString(Type.hello, "token:abc.def"),
                "token malformed");
        Tokens otherNode = new Tokens(NodeSecret.loadOrCreate(otherDataDir, new SecureRandom()), FakeNode.ADDRESS_0, clock);
        assertRefused(said(REMOTE, CLIENT_HELLO), Commands.withString(Type.hello,
                "token:" + otherNode.issue(TokenScope.ADMIN, Duration.ofHours(1), "x")), "token not issued by this node");
        String shortLived = tokens.issue(TokenScope.READ, Duration.ofSeconds(30), "x");
        clock.advance(Duration.ofSeconds(30));
        assertRefused(said(REMOTE, CLIENT_HELLO), Commands.withString(Type.hello, "token:" + shortLived), "token expired");
        // Garbage and forgeries count against the IP; an expired token does not.
        assertEquals(100 - 3 * Misbehaviour.MALFORMED_PARAMETER.weight(), scores.score("10.0.0.1"));
    }

    @Test
    void aTokenThatExpiresMidSessionIsRefusedAtTheNextCommand() {
        SessionChannel channel = withToken(tokens.issue(TokenScope.READ, Duration.ofSeconds(60), "x"));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Commands.withString(Type.getheights, FakeNode.HEIGHTS_JSON), channel.exchange(Commands.bare(Type.getheights)));
        clock.advance(Duration.ofSeconds(1));
        assertRefused(channel, Commands.bare(Type.getheights), "token expired");
    }

    @Test
    void aPresentedTokenRulesEvenFromTheAllowlist() {
        SessionChannel channel = said(LOOPBACK, CLIENT_HELLO);
        assertEquals(Commands.bare(Type.ok), channel.exchange(Commands.withString(Type.hello,
                "token:" + tokens.issue(TokenScope.READ, Duration.ofHours(1), "x"))));
        assertEquals(Commands.withString(Type.status, FakeNode.STATUS_JSON), channel.exchange(Commands.bare(Type.status)));
        assertRefused(channel, txCommand(), "token scope read does not allow tx");
    }

    @Test
    void allowlistEntriesMustBeIpLiteralsAndMatchInCanonicalForm() {
        assertTrue(auth.isLegacyClient("0:0:0:0:0:0:0:1"));
        assertFalse(auth.isLegacyClient("127.0.0.2"));
        assertEquals("LEGACY_CLIENTS_FROM: 'localhost' is not an IP address", org.junit.jupiter.api.Assertions
                .assertThrows(IllegalArgumentException.class, () -> new ServerAuth(tokens, Set.of("localhost"), FakeNode.key(0)))
                .getMessage());
    }
}
