package org.hn.node.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.InvalidKeyException;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.testing.TestData;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.message.PosMessage;
import org.hn.config.Network;
import org.hn.node.peers.PeerKey;
import org.hn.node.wire.hello.HelloString;

/**
 * A stand-in for the node behind the server: a tiny chain of three blocks, a list as mempool, JSON texts
 * as fields, and a record of every call. Thread-safe enough for loopback tests.
 */
public final class FakeNode implements NodeServices, ChainQueries, MempoolService, NodeView, PushReceiver, NodeReports {

    /** Mainnet addresses of the vectors (addresses.json keys 0 and 1; {@link #key} gives their private keys). */
    public static final String ADDRESS_0 = "BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J";
    public static final String ADDRESS_1 = "BGNtrw8ybLxtTgZ1rTzSr1trTYD5MEfcjD";
    /** A pushed block forged by this address counts as the sender's fault. */
    public static final String INVALID_FORGER = "B9oMPPW5hZEAAuq8oCpT6i6pavPJhgXViq";
    public static final String STATUS_JSON = "{\"config\": {\"posnet\": \"posnet0002\"}, \"PID\": 42}";
    public static final String ROUND_JSON = "{\"start\": 1, \"previous\": 0}";
    /** The one round whose schedule is recorded, and its record. */
    public static final long RECORDED_ROUND = 7;
    public static final String RECORDED_ROUND_JSON = "{\"round\": 7, \"active_hns\": [], \"slots\": [], \"test_slots\": []}";
    public static final String HEIGHTS_JSON = "{\"10.0.0.9:06969\": {\"height\": 2}}";

    public volatile HelloString ownHello = new HelloString("posnet0002", 6969, ADDRESS_0);
    public volatile Set<String> posnets = Set.copyOf(Network.LEGACY_POSNETS);
    public final Set<String> registeredIps = ConcurrentHashMap.newKeySet();
    public final Set<String> queryIps = ConcurrentHashMap.newKeySet();
    /** PoS address → registered IP, for authenticated hellos. */
    public final Map<String, String> registrations = new ConcurrentHashMap<>();
    public volatile CompletableFuture<Void> serving = CompletableFuture.completedFuture(null);
    public volatile boolean acceptTests = true;
    public volatile RuntimeException failure;
    public final List<PosBlock> chain = new CopyOnWriteArrayList<>();
    public final List<PosMessage> mempool = new CopyOnWriteArrayList<>();
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** The same calls, for loopback tests to wait on with a timeout. */
    public final BlockingQueue<String> callQueue = new LinkedBlockingQueue<>();
    public final List<List<PosMessage>> digested = new CopyOnWriteArrayList<>();
    public final List<PosBlock> pushed = new CopyOnWriteArrayList<>();
    public final List<PosMessage> tests = new CopyOnWriteArrayList<>();

    /** The private key of a vector address ({@code addresses.json} key {@code index}). */
    public static PrivateKey key(int index) {
        try {
            return PrivateKey.fromBytes(TestData.testKeyBytes(index));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public FakeNode() {
        for (int height = 0; height < 3; height++) {
            chain.add(block(height, 880 + height / 2, height, List.of(message(height, 0, height))));
        }
    }

    /** A block with recognisable bytes: hash filled with {@code height + 1}, forger {@link #ADDRESS_1}. */
    public static PosBlock block(long height, long round, int sir, List<PosMessage> txs) {
        return new PosBlock(height, round, sir, 1_600_000_000L + height, filled(20, (int) height), txs.size(), txs.size(),
                filled(64, 0x55), filled(20, (int) height + 1), "", ADDRESS_1,
                txs.stream().map(tx -> tx.atHeight(height)).toList());
    }

    /** A message whose txid is 64 bytes of {@code id}, sent by {@link #ADDRESS_0}. */
    public static PosMessage message(int id, long timestamp, long received) {
        return new PosMessage(filled(64, id), 0, timestamp, ADDRESS_0, ADDRESS_1, 202, "START", id, filled(64, 0x77), received);
    }

    public static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** Records a call (after its data, so that a test woken by the queue sees both) and throws {@link #failure} if set. */
    private void call(String call) {
        calls.add(call);
        callQueue.add(call);
        RuntimeException toThrow = failure;
        if (toThrow != null) {
            throw toThrow;
        }
    }

    @Override public ChainQueries chain() { return this; }
    @Override public MempoolService mempool() { return this; }
    @Override public NodeView view() { return this; }
    @Override public PushReceiver pushes() { return this; }
    @Override public NodeReports reports() { return this; }

    @Override
    public HeightStatus tip() {
        call("tip");
        return new HeightStatus(2, 881, 2, "03".repeat(20), 5, 1, 3, 1);
    }

    @Override
    public Optional<HeightStatus> blockInfo(long height) {
        call("blockInfo " + height);
        return chain.stream().filter(b -> b.height() == height).findFirst()
                .map(b -> new HeightStatus(b.height(), b.round(), b.sir(), b.blockHashHex(), 4, 0, 2, 0));
    }

    @Override
    public List<PosBlock> blocksFrom(long firstHeight) {
        call("blocksFrom " + firstHeight);
        return chain.stream().filter(b -> b.height() >= firstHeight).toList();
    }

    @Override
    public List<PosBlock> roundBlocks(long round) {
        call("roundBlocks " + round);
        return chain.stream().filter(b -> b.round() == round).toList();
    }

    @Override
    public Optional<PosBlock> block(long height) {
        call("block " + height);
        return chain.stream().filter(b -> b.height() == height).findFirst();
    }

    @Override
    public List<PosMessage> addressTxs(String address) {
        call("addressTxs " + address);
        return chain.stream().flatMap(b -> b.txs().stream()).toList();
    }

    @Override
    public List<PosMessage> addressTxsFrom(String address, long fromHeight) {
        call("addressTxsFrom " + address + " " + fromHeight);
        return chain.stream().flatMap(b -> b.txs().stream()).filter(tx -> tx.blockHeight() >= fromHeight).toList();
    }

    @Override
    public Optional<PosMessage> tx(byte[] txid) {
        call("tx " + HexFormat.of().formatHex(txid).substring(0, 4));
        return chain.stream().flatMap(b -> b.txs().stream())
                .filter(tx -> Arrays.equals(tx.txid(), txid)).findFirst();
    }

    @Override
    public List<PosBlock> latestHeaders(int count) {
        call("latestHeaders " + count);
        return chain.stream().sorted(Comparator.comparingLong(PosBlock::height).reversed()).limit(count).toList();
    }

    @Override
    public List<PosBlock> headersFrom(long startHeight, int count) {
        call("headersFrom " + startHeight + " " + count);
        return chain.stream().filter(b -> b.height() >= startHeight).limit(count).toList();
    }

    @Override
    public void digest(PeerKey from, List<PosMessage> txs) {
        digested.add(txs);
        call("digest " + from + " " + txs.size());
    }

    @Override
    public List<PosMessage> receivedSince(long sinceSeconds) {
        call("receivedSince " + sinceSeconds);
        return mempool.stream().filter(tx -> tx.received() >= sinceSeconds).toList();
    }

    @Override public HelloString ownHello() { return ownHello; }
    @Override public Set<String> allowedPosnets() { return posnets; }
    @Override public boolean isRegisteredIp(String ip) { return registeredIps.contains(ip); }
    @Override public Optional<String> registeredIp(String posAddress) { return Optional.ofNullable(registrations.get(posAddress)); }
    @Override public boolean isQueryAllowed(String ip) { return queryIps.contains(ip); }
    @Override public CompletionStage<Void> whenServing() { return serving; }

    @Override
    public boolean blocksPushed(String senderIp, List<PosBlock> blocks) {
        pushed.addAll(blocks);
        call("blocksPushed " + senderIp + " " + blocks.size());
        return blocks.stream().anyMatch(block -> block.forger().equals(INVALID_FORGER));
    }

    @Override
    public boolean testRequested(String senderIp, PosMessage request) {
        tests.add(request);
        call("testRequested " + senderIp + " " + request.params());
        return acceptTests;
    }

    @Override
    public String statusJson() {
        call("statusJson");
        return STATUS_JSON;
    }

    @Override
    public String roundJson() {
        call("roundJson");
        return ROUND_JSON;
    }

    @Override
    public Optional<String> recordedRoundJson(long round) {
        call("recordedRoundJson " + round);
        return round == RECORDED_ROUND ? Optional.of(RECORDED_ROUND_JSON) : Optional.empty();
    }

    @Override
    public String hypernodesJson(String parameter) {
        call("hypernodesJson " + parameter);
        if (parameter.equals("bad")) {
            throw new IllegalArgumentException("bad parameter");
        }
        return "[\"" + parameter + "\"]";
    }

    @Override
    public String heightsJson() {
        call("heightsJson");
        return HEIGHTS_JSON;
    }
}
