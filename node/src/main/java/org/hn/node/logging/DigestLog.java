package org.hn.node.logging;

import org.hn.chain.mempool.DigestSummary;

/**
 * Logs, once per batch and with the peer it came from, the messages a peer sent that the mempool did not take:
 * invalid ones (bad signature, address or time: a faulty or hostile peer) at INFO, the routine refusals (already
 * known, caps) under {@link LogCategory#MEMPOOL}, and every batch's summary under {@link LogCategory#TXDIGEST}.
 */
public final class DigestLog {

    private DigestLog() {
    }

    /**
     * @param peer  the peer key or address the batch came from
     * @param size  messages in the batch
     * @param summary what the mempool did with them
     */
    public static void batch(Object peer, int size, DigestSummary summary) {
        LogCategory.TXDIGEST.logger().debug("mempool batch of {} from {}: {} accepted, {} evicted", size, peer,
                summary.accepted(), summary.evicted());
        if (!summary.invalid().isEmpty()) {
            LogCategory.MEMPOOL.logger().info("{} sent invalid messages, refused: {}", peer, summary.invalid());
        }
        if (!summary.rejected().isEmpty()) {
            LogCategory.MEMPOOL.logger().debug("{}: messages refused by the mempool: {}", peer, summary.rejected());
        }
    }
}
