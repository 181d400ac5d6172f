package org.hn.node.service;

import java.time.Clock;
import java.util.List;
import org.hn.chain.mempool.DigestSummary;
import org.hn.chain.mempool.Mempool;
import org.hn.chain.message.PosMessage;
import org.hn.node.peers.PeerKey;
import org.hn.node.server.MempoolService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Mempool} as the server uses it for {@code tx} and {@code mempool} requests ({@code spec/wire.md
 * §4.4, §4.5}), with time from the injected clock. Each digested batch is summarised per peer in the debug log.
 */
public final class PeerMempool implements MempoolService {

    private static final Logger LOG = LoggerFactory.getLogger(PeerMempool.class);

    private final Mempool mempool;
    private final Clock clock;

    public PeerMempool(Mempool mempool, Clock clock) {
        this.mempool = mempool;
        this.clock = clock;
    }

    @Override
    public void digest(PeerKey from, List<PosMessage> txs) {
        DigestSummary summary = mempool.digest(txs, nowSeconds());
        LOG.debug("mempool batch of {} from {}: {} accepted, {} evicted, rejected {}, invalid {}", txs.size(), from,
                summary.accepted(), summary.evicted(), summary.rejected(), summary.invalid());
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
