package org.hn.node.service;

import java.time.Clock;
import java.util.List;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.message.PosMessage;
import org.hn.node.logging.DigestLog;
import org.hn.node.peers.PeerKey;
import org.hn.node.server.MempoolService;

/**
 * The {@link Mempool} as the server uses it for {@code tx} and {@code mempool} requests ({@code spec/wire.md
 * §4.4, §4.5}), with time from the injected clock. Each digested batch is logged with its peer ({@link DigestLog}).
 */
public final class PeerMempool implements MempoolService {

    private final Mempool mempool;
    private final Clock clock;

    public PeerMempool(Mempool mempool, Clock clock) {
        this.mempool = mempool;
        this.clock = clock;
    }

    @Override
    public void digest(PeerKey from, List<PosMessage> txs) {
        DigestLog.batch(from, txs.size(), mempool.digest(txs, nowSeconds()));
    }

    /** Pooled messages younger than the mempool's age limit with {@code received ≥ sinceSeconds}. */
    @Override
    public List<PosMessage> receivedSince(long sinceSeconds) {
        return mempool.messages(nowSeconds()).stream().filter(message -> message.received() >= sinceSeconds).toList();
    }

    private long nowSeconds() {
        return clock.millis() / 1000;
    }
}
