package org.hn.node.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hn.chain.testing.TestClock;
import org.hn.config.Network;
import org.hn.node.auth.HelloProof;
import org.hn.node.auth.HelloRole;
import org.hn.node.auth.HelloTranscript;
import org.hn.node.auth.NodeSecret;
import org.hn.node.auth.Tokens;
import org.hn.node.peers.ConnectionRegistry;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.Direction;
import org.hn.node.peers.Misbehaviour;
import org.hn.node.peers.PeerKey;
import org.hn.node.peers.PeerScores;
import org.hn.node.peers.ScoringSettings;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server side of the authenticated hello {@code posnet0005} ({@code docs/protocol.md §3}). */
class AuthenticatedHelloTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.1", 40000);
    private static final String PEER_HELLO = "posnet000506969" + FakeNode.ADDRESS_1;
    private static final String SERVER_HELLO = "posnet000506969" + FakeNode.ADDRESS_0;
    private static final byte[] CLIENT_NONCE = filled(0x11);

    @TempDir
    Path dataDir;

    private final FakeNode node = new FakeNode();
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final TestClock clock = new TestClock(Instant.ofEpochSecond(1_700_000_000L));
    private final PeerScores scores = new PeerScores(ScoringSettings.DEFAULTS, Set.of(), clock);
    private final ServerSettings settings = ServerSettings.defaults(Network.MAINNET);
    private ServerAuth auth;

    @BeforeEach
    void setUp() throws Exception {
        auth = new ServerAuth(new Tokens(NodeSecret.loadOrCreate(dataDir, new SecureRandom()), FakeNode.ADDRESS_0, clock),
                Set.of("127.0.0.1"), FakeNode.key(0));
        node.registrations.put(FakeNode.ADDRESS_1, "10.0.0.1");
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private SessionChannel channel() {
        return new SessionChannel(PEER, new InboundSession(new InboundRequests(node, settings, auth, clock), node,
                registry, scores, new ConnectionStats(clock.instant()), Runnable::run, settings.maxPendingRequests()));
    }

    private static Command hello(String text, byte[] nonce) {
        return Command.newBuilder().setCommand(Type.hello).setStringValue(text).addHashValues(ByteString.copyFrom(nonce))
                .build();
    }

    private static Command proofCommand(HelloProof proof) {
        return Command.newBuilder().setCommand(Type.hello).addAllHashValues(proof.toHashValues()).build();
    }

    private static Command ko(String reason) {
        return Command.newBuilder().setCommand(Type.ko).setStringValue(reason).build();
    }

    /** Says the hello, checks the server's proof of {@link FakeNode#ADDRESS_0}, and returns the transcript. */
    private static HelloTranscript challenged(SessionChannel channel, String helloText) throws Exception {
        Command answer = channel.exchange(hello(helloText, CLIENT_NONCE));
        assertEquals(Type.hello, answer.getCommand());
        assertEquals(SERVER_HELLO, answer.getStringValue());
        assertEquals(List.of(32, 64, 64), answer.getHashValuesList().stream().map(ByteString::size).toList());
        HelloTranscript transcript = new HelloTranscript(Network.MAINNET.frameMagic(), CLIENT_NONCE,
                answer.getHashValues(0).toByteArray(), helloText, answer.getStringValue());
        HelloProof.fromHashValues(answer.getHashValuesList(), 1)
                .verify(transcript, HelloRole.SERVER, FakeNode.ADDRESS_0, Network.MAINNET.networkId());
        return transcript;
    }

    private void assertRefused(SessionChannel channel, Command proof, String reason) {
        assertEquals(ko(reason), channel.exchange(proof));
        assertFalse(channel.isActive());
        assertEquals(0, registry.connectedCount());
    }

    @Test
    void aGoodProofFromTheRegisteredIpIsAcceptedAndTheSessionServesPeerCommands() throws Exception {
        SessionChannel channel = channel();
        HelloTranscript transcript = challenged(channel, PEER_HELLO);
        assertEquals(0, registry.connectedCount());
        assertEquals(Command.newBuilder().setCommand(Type.ok).build(),
                channel.exchange(proofCommand(HelloProof.sign(FakeNode.key(1), transcript, HelloRole.CLIENT))));
        assertEquals("posnet0005", registry.find(Direction.INBOUND, PeerKey.parse("10.0.0.1:06969")).orElseThrow()
                .peerHello().posnet());
        assertEquals(Type.height, channel.exchange(Command.newBuilder().setCommand(Type.height)
                .setHeightValue(org.hn.node.wire.mapping.ChainProtos.toProto(node.tip())).build()).getCommand());
        assertTrue(channel.isActive());
    }

    @Test
    void eachConnectionGetsAFreshServerNonce() throws Exception {
        SessionChannel first = channel();
        SessionChannel second = channel();
        byte[] one = first.exchange(hello(PEER_HELLO, CLIENT_NONCE)).getHashValues(0).toByteArray();
        byte[] two = second.exchange(hello(PEER_HELLO, CLIENT_NONCE)).getHashValues(0).toByteArray();
        assertFalse(Arrays.equals(one, two));
    }

    @Test
    void aKeyThatDoesNotDeriveTheAddressIsRefused() throws Exception {
        SessionChannel channel = channel();
        HelloTranscript transcript = challenged(channel, PEER_HELLO);
        assertRefused(channel, proofCommand(HelloProof.sign(FakeNode.key(2), transcript, HelloRole.CLIENT)),
                "Hello key does not match address");
        assertEquals(100 - Misbehaviour.MALFORMED_HELLO.weight(), scores.score("10.0.0.1"));
    }

    @Test
    void theRightKeyWithAnotherKeysSignatureIsRefused() throws Exception {
        SessionChannel channel = channel();
        HelloTranscript transcript = challenged(channel, PEER_HELLO);
        HelloProof wrong = new HelloProof(FakeNode.key(1).publicKey(),
                HelloProof.sign(FakeNode.key(2), transcript, HelloRole.CLIENT).signature());
        assertRefused(channel, proofCommand(wrong), "Bad hello signature");
    }

    @Test
    void aProofReplayedOnAnotherConnectionIsRefused() throws Exception {
        SessionChannel recorded = channel();
        Command proof = proofCommand(HelloProof.sign(FakeNode.key(1), challenged(recorded, PEER_HELLO), HelloRole.CLIENT));
        assertEquals(Type.ok, recorded.exchange(proof).getCommand());

        SessionChannel replay = channel();
        challenged(replay, PEER_HELLO);   // same client nonce, new server nonce
        assertEquals(ko("Bad hello signature"), replay.exchange(proof));
        assertFalse(replay.isActive());
    }

    @Test
    void theServerProofCannotBeReflectedAsTheClients() throws Exception {
        // A client claiming the server's own address and echoing the server's signature back.
        SessionChannel channel = channel();
        String mirrored = "posnet000506969" + FakeNode.ADDRESS_0;
        node.registrations.put(FakeNode.ADDRESS_0, "10.0.0.1");
        Command answer = channel.exchange(hello(mirrored, CLIENT_NONCE));
        Command reflected = Command.newBuilder().setCommand(Type.hello)
                .addAllHashValues(answer.getHashValuesList().subList(1, 3)).build();
        assertRefused(channel, reflected, "Bad hello signature");
    }

    @Test
    void aNodeRegisteredUnderAnotherIpOrNotRegisteredIsRefused() throws Exception {
        node.registrations.put(FakeNode.ADDRESS_1, "10.0.0.2");
        SessionChannel elsewhere = channel();
        HelloTranscript transcript = challenged(elsewhere, PEER_HELLO);
        assertRefused(elsewhere, proofCommand(HelloProof.sign(FakeNode.key(1), transcript, HelloRole.CLIENT)),
                "Address registered from another IP");

        node.registrations.clear();
        SessionChannel unknown = channel();
        HelloTranscript again = challenged(unknown, PEER_HELLO);
        assertRefused(unknown, proofCommand(HelloProof.sign(FakeNode.key(1), again, HelloRole.CLIENT)),
                "Address not registered");
        // Not the peer's fault: our view of the registry may be behind.
        assertEquals(100, scores.score("10.0.0.1"));
    }

    @Test
    void clientsProveTheirKeyButNeedNoRegistration() throws Exception {
        node.registrations.clear();
        String clientHello = "posnet000500101" + FakeNode.ADDRESS_1;
        SessionChannel channel = channel();
        HelloTranscript transcript = challenged(channel, clientHello);
        assertEquals(Type.ok, channel.exchange(proofCommand(HelloProof.sign(FakeNode.key(1), transcript,
                HelloRole.CLIENT))).getCommand());
        assertTrue(registry.find(Direction.INBOUND, PeerKey.parse("10.0.0.1:00101")).isPresent());
    }

    @Test
    void aHelloWithoutNonceOrAnythingButTheProofNextIsRefused() throws Exception {
        SessionChannel noNonce = channel();
        assertEquals(ko("Bad hello nonce"), noNonce.exchange(Command.newBuilder().setCommand(Type.hello)
                .setStringValue(PEER_HELLO).build()));
        assertFalse(noNonce.isActive());

        SessionChannel shortNonce = channel();
        assertEquals(ko("Bad hello nonce"), shortNonce.exchange(hello(PEER_HELLO, new byte[31])));

        SessionChannel skipsProof = channel();
        challenged(skipsProof, PEER_HELLO);
        assertRefused(skipsProof, Command.newBuilder().setCommand(Type.status).build(), "Bad hello proof");

        SessionChannel truncated = channel();
        challenged(truncated, PEER_HELLO);
        assertRefused(truncated, Command.newBuilder().setCommand(Type.hello)
                .addHashValues(ByteString.copyFrom(FakeNode.key(1).publicKey().toBytes())).build(), "Bad hello proof");
    }

    @Test
    void legacyPosnetsAreUntouchedAndPosnet0005IsAcceptedWhateverTheAllowedList() throws Exception {
        node.posnets = Set.of("posnet0002");
        SessionChannel legacy = channel();
        assertEquals(Command.newBuilder().setCommand(Type.hello).setStringValue(node.ownHello.text()).build(),
                legacy.exchange(Command.newBuilder().setCommand(Type.hello)
                        .setStringValue("posnet000206969" + FakeNode.ADDRESS_1).build()));
        SessionChannel authenticated = channel();
        challenged(authenticated, PEER_HELLO);
        assertTrue(authenticated.isActive());
    }
}
