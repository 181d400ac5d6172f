package org.hn.chain.mempool;

import java.util.Map;
import org.hn.chain.message.MessageRejection;

/**
 * What the mempool did with one batch, so the node can score the peer that sent it.
 *
 * @param accepted messages added to the mempool
 * @param evicted  older messages dropped to make room for accepted ones (per-sender or overall cap)
 * @param rejected messages not added, per reason (reasons that did not occur are absent)
 * @param invalid  the {@link MempoolRejection#INVALID} ones per failed check (checks that did not fail are absent)
 */
public record DigestSummary(
        int accepted,
        int evicted,
        Map<MempoolRejection, Integer> rejected,
        Map<MessageRejection, Integer> invalid) {

    public DigestSummary {
        rejected = Map.copyOf(rejected);
        invalid = Map.copyOf(invalid);
    }

    /** How many messages were not added for {@code reason}. */
    public int rejected(MempoolRejection reason) {
        return rejected.getOrDefault(reason, 0);
    }
}
