package org.hn.node.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hn.chain.address.Address;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.RoundRecord;
import org.hn.chain.store.RoundSignature;
import org.hn.chain.store.RoundSignatures;
import org.hn.chain.store.RoundStats;
import org.hn.chain.store.StoreException;
import org.hn.chain.height.HeightStatus;
import org.hn.config.Network;
import org.hn.node.round.PeerNetwork;
import org.hn.node.round.RoundContext;
import org.hn.node.round.RoundListener;
import org.hn.node.round.ScheduleJson;
import org.hn.registry.Hypernode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each round in the chain database ({@code DESIGN.md §6}), each record in one transaction:
 * <ul>
 *   <li>when a round is prepared, its {@code pos_rounds} row: {@code active_hns} the JSON array of the active
 *       hypernodes' PoS addresses in registry order, {@code slots} and {@code test_slots} as in the
 *       {@code getround} answer ({@code spec/client.md §4.4});</li>
 *   <li>when it ended, this node's {@link RoundStats}: the round's traffic, seconds since the process started,
 *       process starts counted so far, {@code peer_heights} the JSON object peer key → last reported height
 *       (outbound and inbound, the greater when a key is both), {@code late_peers} the JSON object peer key →
 *       blocks behind our tip, for the peers whose height was below our tip at the round's end;</li>
 *   <li>with those stats, in the same transaction, when we forged a block of the round: our
 *       {@link RoundSignatures round signature} over all the round's blocks we hold.</li>
 * </ul>
 * A failed write is logged and skipped: the records are for operators and late peers, never for consensus.
 */
public final class RoundRecorder implements RoundListener {

    private static final Logger LOG = LoggerFactory.getLogger(RoundRecorder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Who this node is and when its process started.
     *
     * @param network        the network, whose id byte makes our address
     * @param key            our PoS key, which signs our round signatures
     * @param startedSeconds when this process started, unix seconds from the node's clock
     * @param processStarts  process starts counted on this chain database, this one included
     */
    public record Identity(Network network, PrivateKey key, long startedSeconds, long processStarts) {
    }

    private final ChainStore store;
    private final PeerNetwork peers;
    private final RoundTraffic traffic;
    private final Identity identity;
    private final String me;

    /**
     * @param peers   where the heights peers last reported are read
     * @param traffic the per-round traffic counters
     */
    public RoundRecorder(ChainStore store, PeerNetwork peers, RoundTraffic traffic, Identity identity) {
        this.store = store;
        this.peers = peers;
        this.traffic = traffic;
        this.identity = identity;
        this.me = Address.fromPublicKey(identity.key().publicKey(), identity.network().networkId());
    }

    @Override
    public void roundPrepared(RoundContext context) {
        ArrayNode active = JSON.createArrayNode();
        context.plan().hypernodes().stream().filter(Hypernode::active).forEach(h -> active.add(h.posAddress()));
        ArrayNode slots = JSON.createArrayNode();
        ScheduleJson.slots(context.plan(), slots);
        ArrayNode testSlots = JSON.createArrayNode();
        ScheduleJson.testSlots(context.plan(), testSlots);
        try {
            store.saveRound(new RoundRecord(context.round(), active.toString(), slots.toString(),
                    testSlots.toString()));
        } catch (StoreException e) {
            LOG.warn("the schedule of round {} cannot be recorded: {}", context.round(), e.getMessage());
        }
    }

    @Override
    public void roundEnded(RoundContext ended, long nowSeconds) {
        long round = ended.round();
        Traffic spent = traffic.takeRound();
        try {
            long ourHeight = store.heightStatus().height();
            Map<String, Long> heights = new TreeMap<>();
            for (Map<String, HeightStatus> reported : List.of(peers.outboundHeights(), peers.inboundHeights())) {
                reported.forEach((peer, status) -> heights.merge(peer, status.height(), Math::max));
            }
            ObjectNode peerHeights = JSON.createObjectNode();
            ObjectNode latePeers = JSON.createObjectNode();
            heights.forEach((peer, height) -> {
                peerHeights.put(peer, height);
                if (height < ourHeight) {
                    latePeers.put(peer, ourHeight - height);
                }
            });
            RoundStats stats = new RoundStats(round, spent.bytesSent(), spent.bytesReceived(), spent.messagesSent(),
                    spent.messagesReceived(), nowSeconds - identity.startedSeconds(), identity.processStarts(),
                    peerHeights.toString(), latePeers.toString());
            store.saveRoundEnd(stats, ourSignature(round));
        } catch (StoreException e) {
            LOG.warn("the end of round {} cannot be recorded: {}", round, e.getMessage());
        }
    }

    private Optional<RoundSignature> ourSignature(long round) throws StoreException {
        List<PosBlock> blocks = store.blocksOfRound(round);
        if (blocks.stream().noneMatch(block -> block.forger().equals(me))) {
            return Optional.empty();
        }
        return Optional.of(RoundSignatures.sign(round, blocks, identity.key(), identity.network().networkId()));
    }
}
