package org.hn.node.server;

import java.util.List;
import org.hn.chain.message.PosMessage;
import org.hn.node.peers.PeerKey;

/**
 * The mempool as the server needs it for {@code tx} and {@code mempool} requests ({@code spec/wire.md §4.4,
 * §4.5}). Methods may block; they are called off the event loop.
 */
public interface MempoolService {

    /**
     * Digests a batch from a peer or a tool ({@code spec/chain.md §8.2}): a batch above
     * {@code MAX_TXS_TO_SYNC} is ignored, invalid messages are skipped. The server calls it for
     * {@code mempool} only when the sender IP is registered, for {@code tx} always.
     *
     * @param from the sending connection's peer key
     * @param txs  the messages in wire order, {@code received} set to the reception time
     * @throws RuntimeException if digestion failed as a whole; a {@code tx} request is then answered {@code ko}
     */
    void digest(PeerKey from, List<PosMessage> txs);

    /**
     * Mempool messages with {@code received ≥ sinceSeconds}, in any order; the server filters by age, removes
     * what the peer just sent and caps the answer ({@code spec/wire.md §4.5 steps 3–4}).
     *
     * @param sinceSeconds unix seconds, 0 for the first exchange of a connection
     */
    List<PosMessage> receivedSince(long sinceSeconds);
}
