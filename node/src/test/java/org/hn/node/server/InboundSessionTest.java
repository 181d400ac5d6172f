package org.hn.node.server;

import org.hn.chain.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hn.chain.message.PosMessage;
import org.hn.config.Network;
import org.hn.node.auth.NodeSecret;
import org.hn.node.auth.NodeSecretException;
import org.hn.node.auth.Tokens;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.Direction;
import org.hn.node.peers.Misbehaviour;
import org.hn.node.peers.PeerConnection;
import org.hn.node.peers.PeerKey;
import org.hn.node.peers.PeerScores;
import org.hn.node.peers.ScoringSettings;
import org.hn.node.wire.ProtocolBreachException;
import org.hn.node.wire.WireVectors;
import org.hn.node.wire.command.CommandDecoder;
import org.hn.node.wire.command.CommandEncoder;
import org.hn.node.wire.frame.ChecksumMismatch;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.frame.LegacyFrameDecoder;
import org.hn.node.wire.frame.LegacyFrameEncoder;
import org.hn.chain.block.PosBlock;
import org.hn.node.wire.mapping.ChainProtos;
import org.hn.node.wire.proto.Block;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.hn.node.wire.proto.Height;
import org.hn.node.wire.proto.TX;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboundSessionTest {

    private static final long NOW = 1_700_000_000L;
    private static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.1", 40000);
    private static final String PEER_HELLO = "posnet000206969" + FakeNode.ADDRESS_1;

    private final FakeNode node = new FakeNode();
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final TestClock clock = new TestClock(Instant.ofEpochSecond(NOW));
    private final PeerScores scores = new PeerScores(ScoringSettings.DEFAULTS, Set.of(), clock);
    private final ConnectionStats stats = new ConnectionStats(clock.instant());

    @TempDir
    Path dataDir;

    /** Tokens of this node; the test peer's IP is a legacy client, so client commands are served without one. */
    private ServerAuth auth() {
        try {
            return new ServerAuth(new Tokens(NodeSecret.loadOrCreate(dataDir, new SecureRandom()), FakeNode.ADDRESS_0,
                    clock), Set.of("10.0.0.1"), FakeNode.key(0));
        } catch (NodeSecretException e) {
            throw new IllegalStateException(e);
        }
    }

    private SessionChannel channel(ServerSettings settings) {
        InboundSession session = new InboundSession(new InboundRequests(node, settings, auth(), clock), node, registry, scores,
                stats, Runnable::run, settings.maxPendingRequests());
        return new SessionChannel(PEER, session);
    }

    private SessionChannel channel() {
        return channel(ServerSettings.defaults(Network.MAINNET));
    }

    /** A channel whose peer said hello and got our hello back. */
    private SessionChannel helloDone() {
        SessionChannel channel = channel();
        assertEquals(Commands.withString(Type.hello, node.ownHello.text()), channel.exchange(Commands.withString(Type.hello, PEER_HELLO)));
        return channel;
    }

    private static TX tx(int id, long timestamp) {
        return TX.newBuilder().setTxid(ByteString.copyFrom(FakeNode.filled(64, id))).setBlockHeight(0)
                .setTimestamp((int) timestamp).setSender(FakeNode.ADDRESS_0).setRecipient(FakeNode.ADDRESS_1)
                .setWhat(202).setValue(id).setParams("START").setPubkey(ByteString.copyFrom(FakeNode.filled(64, 0x77)))
                .build();
    }

    private static List<Integer> blockHeights(Command answer) {
        return answer.getBlockValueList().stream().map(Block::getHeight).toList();
    }

    private static List<Integer> txValues(Command answer) {
        return answer.getTxValuesList().stream().map(TX::getValue).toList();
    }

    // ---- first message ----

    @Test
    void helloIsAnsweredWithOurHelloAndRegistersTheInboundPeerKey() {
        SessionChannel channel = helloDone();
        PeerConnection entry = registry.find(Direction.INBOUND, PeerKey.parse("10.0.0.1:06969")).orElseThrow();
        assertEquals(FakeNode.ADDRESS_1, entry.peerHello().address());
        assertTrue(channel.isActive());
        assertEquals(1, registry.connectedCount());
        channel.close();
        assertEquals(0, registry.connectedCount());
    }

    @Test
    void referenceHelloBytesGetOurHelloBytes() {
        JsonNode hello = WireVectors.wire().get("hello").get(0);
        FrameSettings frames = FrameSettings.defaults(Network.MAINNET);
        ServerSettings settings = ServerSettings.defaults(Network.MAINNET);
        SessionChannel channel = new SessionChannel(PEER, new LegacyFrameDecoder(frames), new LegacyFrameEncoder(frames),
                new CommandDecoder(), new CommandEncoder(), new InboundSession(new InboundRequests(node, settings, auth(), clock),
                node, registry, scores, stats, Runnable::run, 4));
        channel.writeInbound(WireVectors.buffer(hello.get("framed_hex").asText()));
        // The fake's hello string is the vector's, so our answer is the vector's frame byte for byte.
        assertEquals(hello.get("framed_hex").asText(), WireVectors.hexAndRelease(channel.readOutbound()));
        assertTrue(registry.find(Direction.INBOUND, PeerKey.parse("10.0.0.1:06969")).isPresent());
        assertEquals(1, stats.messagesReceived());
        assertEquals(1, stats.messagesSent());
    }

    @Test
    void aPosnetOutsideTheListIsRefusedWithTheReferenceKoBytes() {
        JsonNode ko = null;
        for (JsonNode command : WireVectors.wire().get("other_commands")) {
            if (command.get("name").asText().equals("ko with reason")) {
                ko = command;
            }
        }
        SessionChannel channel = channel();
        Command answer = channel.exchange(Commands.withString(Type.hello, "posnet000106969" + FakeNode.ADDRESS_1));
        assertEquals(ko.get("proto_hex").asText(), HexFormat.of().formatHex(answer.toByteArray()));
        assertEquals("Bad Posnet posnet0001", answer.getStringValue());
        assertFalse(channel.isActive());
        assertEquals(100 - Misbehaviour.BAD_POSNET.weight(), scores.score("10.0.0.1"));
        assertEquals(0, registry.connectedCount());
    }

    @Test
    void posnetMembershipIsExactNotSubstring() {
        node.posnets = Set.of("posnet0002");
        SessionChannel channel = channel();
        Command answer = channel.exchange(Commands.withString(Type.hello, "osnet00020" + "06969" + FakeNode.ADDRESS_1));
        assertEquals(Commands.withString(Type.ko, "Bad Posnet osnet00020"), answer);
        assertFalse(channel.isActive());
    }

    @Test
    void malformedHellosAreRefused() {
        SessionChannel shortHello = channel();
        assertEquals(Commands.withString(Type.ko, "Bad hello"), shortHello.exchange(Commands.withString(Type.hello, "posnet000206969")));
        assertFalse(shortHello.isActive());
        SessionChannel testnetAddress = channel();
        assertEquals(Commands.withString(Type.ko, "Bad address"),
                testnetAddress.exchange(Commands.withString(Type.hello, "posnet000206969bUBUMj1c7rBrmfDTgPuBr2yNnJg8MpW1PV")));
        assertFalse(testnetAddress.isActive());
    }

    @Test
    void anyOtherFirstMessageGetsDidNotSayHello() {
        for (Type type : List.of(Type.status, Type.ping, Type.mempool, Type.ok)) {
            SessionChannel channel = channel();
            assertEquals(Commands.withString(Type.ko, "Did not say hello"), channel.exchange(Commands.bare(type)));
            assertFalse(channel.isActive(), type.name());
        }
        assertTrue(node.calls.isEmpty());
    }

    @Test
    void blockPushFromARegisteredIpIsDigestedThenClosedWithoutAnswer() {
        node.registeredIps.add("10.0.0.1");
        SessionChannel channel = channel();
        Block pushed = ChainProtos.toProto(node.chain.get(2));
        assertNull(channel.exchange(Command.newBuilder().setCommand(Type.block).addBlockValue(pushed).build()));
        assertFalse(channel.isActive());
        assertEquals(List.of("blocksPushed 10.0.0.1 1"), node.calls);
        assertEquals(2, node.pushed.get(0).height());
        assertEquals("10.0.0.1", node.pushed.get(0).receivedBy());
        assertEquals(100, scores.score("10.0.0.1"), "a block the node took is no misbehaviour");
    }

    @Test
    void anInvalidPushedBlockScoresItsSender() {
        node.registeredIps.add("10.0.0.1");
        SessionChannel channel = channel();
        PosBlock good = node.chain.get(2);
        PosBlock forged = new PosBlock(good.height(), good.round(), good.sir(), good.timestamp(), good.previousHash(),
                good.msgCount(), good.uniquesSources(), good.signature(), good.blockHash(), "",
                FakeNode.INVALID_FORGER, good.txs());
        assertNull(channel.exchange(Command.newBuilder().setCommand(Type.block)
                .addBlockValue(ChainProtos.toProto(forged)).build()));
        assertFalse(channel.isActive());
        assertEquals(100 - Misbehaviour.INVALID_BLOCK.weight(), scores.score("10.0.0.1"));
    }

    @Test
    void blockPushFromAnUnregisteredIpIsIgnored() {
        SessionChannel channel = channel();
        assertNull(channel.exchange(Command.newBuilder().setCommand(Type.block).build()));
        assertFalse(channel.isActive());
        assertTrue(node.calls.isEmpty());
        assertEquals(100, scores.score("10.0.0.1"));
    }

    @Test
    void testRequestIsEchoedUnchangedThenClosed() {
        node.registeredIps.add("10.0.0.1");
        Command request = Command.newBuilder().setCommand(Type.test).addTxValues(TX.newBuilder()
                .setTxid(ByteString.EMPTY).setBlockHeight(0).setTimestamp((int) NOW).setSender(FakeNode.ADDRESS_1)
                .setRecipient(FakeNode.ADDRESS_0).setWhat(202).setValue(0).setParams("TEST:3")
                .setPubkey(ByteString.EMPTY)).build();
        SessionChannel channel = channel();
        assertEquals(request, channel.exchange(request));
        assertFalse(channel.isActive());
        assertEquals(List.of("testRequested 10.0.0.1 TEST:3"), node.calls);

        node.acceptTests = false;
        SessionChannel refused = channel();
        assertNull(refused.exchange(request));
        assertFalse(refused.isActive());
    }

    @Test
    void testRequestFromAnUnregisteredIpIsClosedWithoutAnswer() {
        SessionChannel channel = channel();
        Command request = Command.newBuilder().setCommand(Type.test).addTxValues(tx(1, NOW)).build();
        assertNull(channel.exchange(request));
        assertFalse(channel.isActive());
        assertTrue(node.calls.isEmpty());
    }

    // ---- requests after hello ----

    @Test
    void statusAnswersTheStatusJson() {
        SessionChannel channel = helloDone();
        assertEquals(Commands.withString(Type.status, FakeNode.STATUS_JSON), channel.exchange(Commands.bare(Type.status)));
        assertTrue(channel.isActive());
    }

    @Test
    void txIsDigestedAndAnsweredOkOrKo() {
        SessionChannel channel = helloDone();
        Command request = Command.newBuilder().setCommand(Type.tx).addTxValues(tx(1, NOW)).addTxValues(tx(2, NOW)).build();
        assertEquals(Commands.bare(Type.ok), channel.exchange(request));
        assertEquals(List.of("digest 10.0.0.1:06969 2"), node.calls);
        assertEquals(NOW, node.digested.get(0).get(0).received());

        node.failure = new IllegalStateException("database locked");
        assertEquals(Commands.bare(Type.ko), channel.exchange(request));
        assertTrue(channel.isActive());
    }

    @Test
    void mempoolFromARegisteredIpIsDigestedAndAnsweredWithNewRecentTxsNotJustReceived() {
        node.registeredIps.add("10.0.0.1");
        node.mempool.add(FakeNode.message(1, NOW - 10, NOW - 100));    // offered
        node.mempool.add(FakeNode.message(2, NOW - 3601, NOW - 100));  // older than an hour: not offered
        node.mempool.add(FakeNode.message(3, NOW - 10, NOW - 100));    // the peer just sent it: not offered back
        SessionChannel channel = helloDone();
        Command request = Command.newBuilder().setCommand(Type.mempool).addTxValues(tx(3, NOW - 10)).build();
        Command answer = channel.exchange(request);
        assertEquals(Type.mempool, answer.getCommand());
        assertEquals(List.of(1), txValues(answer));
        assertEquals(List.of("digest 10.0.0.1:06969 1", "receivedSince 0"), node.calls);

        // The next exchange asks only for txs received since this one.
        clock.advance(Duration.ofSeconds(30));
        node.mempool.add(FakeNode.message(4, NOW + 20, NOW + 20));
        node.calls.clear();
        assertEquals(List.of(4), txValues(channel.exchange(Commands.bare(Type.mempool))));
        assertEquals(List.of("digest 10.0.0.1:06969 0", "receivedSince " + NOW), node.calls);
        assertEquals(Instant.ofEpochSecond(NOW + 30), stats.lastMempoolExchange().orElseThrow());
    }

    @Test
    void mempoolFromAnUnregisteredIpIsAnsweredButNotDigested() {
        node.mempool.add(FakeNode.message(1, NOW - 10, NOW - 100));
        SessionChannel channel = helloDone();
        Command answer = channel.exchange(Command.newBuilder().setCommand(Type.mempool).addTxValues(tx(5, NOW)).build());
        assertEquals(List.of(1), txValues(answer));
        assertEquals(List.of("receivedSince 0"), node.calls);
    }

    @Test
    void mempoolAnswerIsCappedAtTheConfiguredCount() {
        ServerSettings defaults = ServerSettings.defaults(Network.MAINNET);
        ServerSettings capped = new ServerSettings(defaults.frames(), defaults.handshakeTimeout(), defaults.idleTimeout(),
                10, 10, 1024, 2048, 4, 20, 1000, 3);
        for (int id = 1; id <= 5; id++) {
            node.mempool.add(FakeNode.message(id, NOW, NOW));
        }
        SessionChannel channel = channel(capped);
        channel.exchange(Commands.withString(Type.hello, PEER_HELLO));
        List<Integer> offered = txValues(channel.exchange(Commands.bare(Type.mempool)));
        assertEquals(3, offered.size());
        assertEquals(3, offered.stream().distinct().count());
        assertTrue(List.of(1, 2, 3, 4, 5).containsAll(offered));
    }

    @Test
    void referenceMempoolBytesAreDigestedAsTheirTwoMessages() {
        node.registeredIps.add("10.0.0.1");
        FrameSettings frames = FrameSettings.defaults(Network.MAINNET);
        ServerSettings settings = ServerSettings.defaults(Network.MAINNET);
        SessionChannel channel = new SessionChannel(PEER, new LegacyFrameDecoder(frames), new LegacyFrameEncoder(frames),
                new CommandDecoder(), new CommandEncoder(), new InboundSession(new InboundRequests(node, settings, auth(), clock),
                node, registry, scores, stats, Runnable::run, 4));
        channel.writeInbound(WireVectors.buffer(WireVectors.wire().get("hello").get(0).get("framed_hex").asText()));
        ((ByteBuf) channel.readOutbound()).release();
        channel.writeInbound(WireVectors.buffer(WireVectors.wire().get("mempool_with_2_txs").get("framed_hex").asText()));
        // An empty mempool answers with the bare "mempool empty" frame of the vectors.
        assertEquals("000000020808", WireVectors.hexAndRelease(channel.readOutbound()));
        List<PosMessage> digested = node.digested.get(0);
        assertEquals(2, digested.size());
        assertEquals("18230326158f45e9eec22f94f336539821808815ce6e4a88de2851ea1865cd36"
                + "e91ee434d1fb130e8cba7f0a0d3f236239fdbfbfe43ae2e69bb9fe576649b31d", digested.get(0).txidHex());
        assertEquals("START", digested.get(0).params());
        assertEquals(12345, digested.get(0).value());
        assertEquals("TEST:3", digested.get(1).params());
    }

    @Test
    void heightStoresThePeersTipFromRegisteredIpsAndAlwaysAnswersOurs() {
        Height theirs = Height.newBuilder().setHeight(7).setRound(900).setSir(3)
                .setBlockHash(ByteString.copyFrom(FakeNode.filled(20, 0xab))).setUniques(9).setUniquesRound(2)
                .setForgers(4).setForgersRound(1).build();
        Command request = Command.newBuilder().setCommand(Type.height).setHeightValue(theirs).build();
        Height ours = Height.newBuilder().setHeight(2).setRound(881).setSir(2)
                .setBlockHash(ByteString.copyFrom(FakeNode.filled(20, 3))).setUniques(5).setUniquesRound(1)
                .setForgers(3).setForgersRound(1).build();

        SessionChannel unregistered = helloDone();
        assertEquals(Command.newBuilder().setCommand(Type.height).setHeightValue(ours).build(), unregistered.exchange(request));
        PeerConnection entry = registry.find(Direction.INBOUND, PeerKey.parse("10.0.0.1:06969")).orElseThrow();
        assertTrue(entry.heightStatus().isEmpty());

        node.registeredIps.add("10.0.0.1");
        assertEquals(ours, unregistered.exchange(request).getHeightValue());
        assertEquals(7, entry.heightStatus().orElseThrow().height());
        assertEquals("ab".repeat(20), entry.heightStatus().orElseThrow().blockHash());
        assertEquals(Instant.ofEpochSecond(NOW), stats.lastHeightExchange().orElseThrow());
    }

    @Test
    void blockinfoAnswersTheBlockOrZerosWithAnEmptyHash() {
        SessionChannel channel = helloDone();
        Height known = channel.exchange(Commands.withInt32(Type.blockinfo, 1)).getHeightValue();
        assertEquals(1, known.getHeight());
        assertEquals(880, known.getRound());
        assertEquals(ByteString.copyFrom(FakeNode.filled(20, 2)), known.getBlockHash());
        assertEquals(4, known.getUniques());
        assertEquals(2, known.getForgers());
        assertEquals(0, known.getUniquesRound());

        Height zero = Height.newBuilder().setHeight(0).setRound(0).setSir(0).setBlockHash(ByteString.EMPTY)
                .setUniques(0).setUniquesRound(0).setForgers(0).setForgersRound(0).build();
        assertEquals(Command.newBuilder().setCommand(Type.blockinfo).setHeightValue(zero).build(),
                channel.exchange(Commands.withInt32(Type.blockinfo, 99)));
        assertEquals(zero, channel.exchange(Commands.withInt32(Type.blockinfo, -1)).getHeightValue());
        assertEquals(List.of("blockInfo 1", "blockInfo 99"), node.calls);
    }

    @Test
    void blocksyncAndRoundblocksAnswerFullBlocks() {
        SessionChannel channel = helloDone();
        Command sync = channel.exchange(Commands.withInt32(Type.blocksync, 1));
        assertEquals(Type.blocksync, sync.getCommand());
        assertEquals(List.of(1, 2), blockHeights(sync));
        assertEquals(1, sync.getBlockValue(0).getTxsCount());
        assertEquals(List.of(), blockHeights(channel.exchange(Commands.withInt32(Type.blocksync, 3))));
        Command round = channel.exchange(Commands.withInt32(Type.roundblocks, 880));
        assertEquals(Type.roundblocks, round.getCommand());
        assertEquals(List.of(0, 1), blockHeights(round));
    }

    @Test
    void negativeBlocksyncClosesWithoutAnswerAndCountsAgainstThePeer() {
        SessionChannel channel = helloDone();
        assertNull(channel.exchange(Commands.withInt32(Type.blocksync, -5)));
        assertFalse(channel.isActive());
        assertEquals(100 - Misbehaviour.MALFORMED_PARAMETER.weight(), scores.score("10.0.0.1"));
    }

    @Test
    void getblockAnswersZeroOrOneBlockAndRefusesNegativeHeightsWithKo() {
        SessionChannel channel = helloDone();
        assertEquals(List.of(2), blockHeights(channel.exchange(Commands.withInt32(Type.getblock, 2))));
        assertEquals(Commands.bare(Type.getblock), channel.exchange(Commands.withInt32(Type.getblock, 50)));
        assertEquals(Commands.withString(Type.ko, "Bad height"), channel.exchange(Commands.withInt32(Type.getblock, -1)));
        assertFalse(channel.isActive());
    }

    @Test
    void getaddtxsReadsAddressHeightOrAnchoringTxid() {
        SessionChannel channel = helloDone();
        assertEquals(List.of(0, 1, 2), txValues(channel.exchange(Commands.withString(Type.getaddtxs, FakeNode.ADDRESS_0))));
        assertEquals(List.of(1, 2), txValues(channel.exchange(Commands.withString(Type.getaddtxs, FakeNode.ADDRESS_0 + ",1"))));
        String txidOfBlock2 = "02".repeat(64);
        assertEquals(List.of(2), txValues(channel.exchange(Commands.withString(Type.getaddtxs, FakeNode.ADDRESS_0 + "," + txidOfBlock2))));
        assertEquals(List.of("addressTxs " + FakeNode.ADDRESS_0, "addressTxsFrom " + FakeNode.ADDRESS_0 + " 1",
                "tx 0202", "addressTxsFrom " + FakeNode.ADDRESS_0 + " 2"), node.calls);
    }

    @Test
    void getaddtxsRefusals() {
        SessionChannel unknownTxid = helloDone();
        assertEquals(Commands.withString(Type.ko, "Unknown txid"),
                unknownTxid.exchange(Commands.withString(Type.getaddtxs, FakeNode.ADDRESS_0 + "," + "09".repeat(64))));
        assertFalse(unknownTxid.isActive());
        assertEquals(100, scores.score("10.0.0.1"));

        SessionChannel badAddress = helloDone();
        assertEquals(Commands.withString(Type.ko, "Bad address"), badAddress.exchange(Commands.withString(Type.getaddtxs, "nobody,1")));
        SessionChannel badHeight = helloDone();
        assertEquals(Commands.withString(Type.ko, "Bad height"),
                badHeight.exchange(Commands.withString(Type.getaddtxs, FakeNode.ADDRESS_0 + ",-1")));
    }

    @Test
    void gettxAnswersZeroOrOneTxAndRefusesBadHex() {
        SessionChannel channel = helloDone();
        assertEquals(List.of(1), txValues(channel.exchange(Commands.withString(Type.gettx, "01".repeat(64)))));
        assertEquals(Commands.bare(Type.gettx), channel.exchange(Commands.withString(Type.gettx, "0a".repeat(64))));
        assertEquals(Commands.withString(Type.ko, "Bad txid"), channel.exchange(Commands.withString(Type.gettx, "zz".repeat(64))));
        assertFalse(channel.isActive());
        SessionChannel shortTxid = helloDone();
        assertEquals(Commands.withString(Type.ko, "Bad txid"), shortTxid.exchange(Commands.withString(Type.gettx, "0101")));
    }

    @Test
    void getheadersReadsItsParameterLikeTheReferenceAndDropsTxs() {
        SessionChannel channel = helloDone();
        Command latest = channel.exchange(Commands.withString(Type.getheaders, ""));
        assertEquals(List.of(2, 1, 0), blockHeights(latest));
        assertEquals(0, latest.getBlockValue(0).getTxsCount());
        assertEquals(1, latest.getBlockValue(0).getMsgCount());
        assertEquals(List.of(2, 1, 0), blockHeights(channel.exchange(Commands.withString(Type.getheaders, "None"))));
        assertEquals(List.of(2, 1), blockHeights(channel.exchange(Commands.withString(Type.getheaders, ",2"))));
        assertEquals(List.of(1, 2), blockHeights(channel.exchange(Commands.withString(Type.getheaders, "1,5"))));
        channel.exchange(Commands.withString(Type.getheaders, ",5000"));
        assertEquals(List.of("latestHeaders 20", "latestHeaders 20", "latestHeaders 2", "headersFrom 1 5",
                "latestHeaders 1000"), node.calls);
        assertEquals(Commands.withString(Type.ko, "Bad getheaders parameter"), channel.exchange(Commands.withString(Type.getheaders, "x")));
        assertFalse(channel.isActive());
    }

    @Test
    void getroundAndGetheightsAnswerTheirJson() {
        SessionChannel channel = helloDone();
        assertEquals(Commands.withString(Type.getround, FakeNode.ROUND_JSON), channel.exchange(Commands.bare(Type.getround)));
        assertEquals(Commands.withString(Type.getheights, FakeNode.HEIGHTS_JSON), channel.exchange(Commands.bare(Type.getheights)));
    }

    @Test
    void getroundWithARoundAnswersItsRecordedScheduleOrNull() {
        SessionChannel channel = helloDone();
        assertEquals(Commands.withString(Type.getround, FakeNode.RECORDED_ROUND_JSON),
                channel.exchange(Commands.withInt32(Type.getround, (int) FakeNode.RECORDED_ROUND)));
        assertEquals(Commands.withString(Type.getround, "null"), channel.exchange(Commands.withInt32(Type.getround, 8)));
        assertEquals(Commands.withString(Type.ko, "Bad round"), channel.exchange(Commands.withInt32(Type.getround, -1)));
        assertFalse(channel.isActive());
    }

    @Test
    void gethypernodesIsServedOnlyToAllowedIps() {
        node.queryIps.add("10.0.0.1");
        SessionChannel allowed = helloDone();
        assertEquals(Commands.withString(Type.gethypernodes, "[\"1\"]"), allowed.exchange(Commands.withString(Type.gethypernodes, "1")));
        assertEquals(Commands.withString(Type.ko, "Bad gethypernodes parameter"),
                allowed.exchange(Commands.withString(Type.gethypernodes, "bad")));

        node.queryIps.clear();
        SessionChannel refused = helloDone();
        assertNull(refused.exchange(Commands.withString(Type.gethypernodes, "1")));
        assertFalse(refused.isActive());
    }

    @Test
    void pingIsAcceptedSilentlyAndTheConnectionKept() {
        SessionChannel channel = helloDone();
        assertNull(channel.exchange(Commands.bare(Type.ping)));
        assertTrue(channel.isActive());
        assertEquals(Commands.withString(Type.status, FakeNode.STATUS_JSON), channel.exchange(Commands.bare(Type.status)));
    }

    @Test
    void updateIsRefusedWithAReason() {
        SessionChannel channel = helloDone();
        assertEquals(Commands.withString(Type.ko, "Remote update is not supported"),
                channel.exchange(Commands.withString(Type.update, "http://example.invalid/")));
        assertTrue(channel.isActive());
    }

    @Test
    void commandsNotServedAfterHelloCloseWithoutAnswer() {
        for (Type type : List.of(Type.hello, Type.ok, Type.ko, Type.peers, Type.block, Type.test)) {
            SessionChannel channel = helloDone();
            assertNull(channel.exchange(Commands.bare(type)), type.name());
            assertFalse(channel.isActive(), type.name());
        }
    }

    @Test
    void serviceFailuresGiveKoForClientCommandsAndSilenceForPeerCommands() {
        SessionChannel client = helloDone();
        node.failure = new IllegalStateException("no status snapshot yet");
        assertEquals(Commands.withString(Type.ko, "status failed"), client.exchange(Commands.bare(Type.status)));
        assertFalse(client.isActive());
        node.failure = null;

        SessionChannel peer = helloDone();
        node.failure = new IllegalStateException("msg_count mismatch");
        assertNull(peer.exchange(Commands.withInt32(Type.blocksync, 1)));
        assertFalse(peer.isActive());
        assertEquals(100, scores.score("10.0.0.1"));
    }

    @Test
    void requestsWaitWhileTheNodeIsInNewround() {
        SessionChannel channel = helloDone();
        node.serving = new CompletableFuture<>();
        assertNull(channel.exchange(Commands.bare(Type.status)));
        assertFalse(channel.config().isAutoRead());
        node.serving.complete(null);
        channel.runPendingTasks();
        assertEquals(Commands.withString(Type.status, FakeNode.STATUS_JSON), channel.readOutbound());
        assertTrue(channel.config().isAutoRead());
    }

    @Test
    void requestsAreServedInOrderOneAtATime() {
        SessionChannel channel = helloDone();
        node.serving = new CompletableFuture<>();
        channel.writeInbound(Commands.bare(Type.status), Commands.withInt32(Type.getblock, 1), Commands.bare(Type.getround));
        assertNull(channel.readOutbound());
        assertEquals(List.of(), node.calls);
        node.serving.complete(null);
        channel.runPendingTasks();
        List<Type> answers = new ArrayList<>();
        for (Command answer; (answer = channel.readOutbound()) != null; ) {
            answers.add(answer.getCommand());
        }
        assertEquals(List.of(Type.status, Type.getblock, Type.getround), answers);
        assertEquals(List.of("statusJson", "block 1", "roundJson"), node.calls);
    }

    @Test
    void aFloodOfQueuedRequestsDropsThePeer() {
        SessionChannel channel = helloDone();
        node.serving = new CompletableFuture<>();
        for (int request = 0; request < 6; request++) {
            channel.writeInbound(Commands.bare(Type.status));
        }
        assertFalse(channel.isActive());
        assertEquals(100 - Misbehaviour.REQUEST_FLOOD.weight(), scores.score("10.0.0.1"));
    }

    @Test
    void checksumMismatchesCountAgainstThePeerButKeepTheConnection() {
        SessionChannel channel = helloDone();
        channel.pipeline().fireUserEventTriggered(new ChecksumMismatch(10, 1));
        assertTrue(channel.isActive());
        assertEquals(100 - Misbehaviour.CHECKSUM_MISMATCH.weight(), scores.score("10.0.0.1"));
        assertEquals(Commands.withString(Type.status, FakeNode.STATUS_JSON), channel.exchange(Commands.bare(Type.status)));
    }

    @Test
    void checksumMismatchesThatBanTheIpCloseTheConnection() {
        SessionChannel channel = helloDone();
        for (int mismatch = 1; mismatch < 10; mismatch++) {
            channel.pipeline().fireUserEventTriggered(new ChecksumMismatch(10, mismatch));
        }
        assertTrue(channel.isActive());
        channel.pipeline().fireUserEventTriggered(new ChecksumMismatch(10, 10));
        assertTrue(scores.isBanned("10.0.0.1"));
        assertFalse(channel.isActive());
    }

    @Test
    void aWireBreachIsScoredOnceAndCloses() {
        SessionChannel channel = helloDone();
        channel.pipeline().fireExceptionCaught(new ProtocolBreachException(
                ProtocolBreachException.Reason.MALFORMED_COMMAND, "test"));
        channel.pipeline().fireExceptionCaught(new ProtocolBreachException(
                ProtocolBreachException.Reason.MALFORMED_COMMAND, "again"));
        assertFalse(channel.isActive());
        assertEquals(100 - Misbehaviour.MALFORMED_COMMAND.weight(), scores.score("10.0.0.1"));
        assertEquals(0, registry.connectedCount());
    }

    @Test
    void readingStopsWhileTheOutboundBufferIsAboveItsHighWaterMark() {
        SessionChannel channel = helloDone();
        assertTrue(channel.config().isAutoRead());
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        channel.runPendingTasks();
        assertFalse(channel.isWritable());
        assertFalse(channel.config().isAutoRead());
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        channel.runPendingTasks();
        assertTrue(channel.config().isAutoRead());
    }
}
