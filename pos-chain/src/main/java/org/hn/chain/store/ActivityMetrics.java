package org.hn.chain.store;

import java.util.Map;

/**
 * Off-chain activity of hypernodes over a round range, the inputs of {@code gethypernodes} and rewards
 * ({@code spec/chain.md §9.4}). Every map goes from PoS address to a count; an address without activity of
 * a kind is absent from that map. Message counts cover the messages whose block height lies between the
 * smallest and the greatest height of the range's blocks.
 *
 * @param forged            blocks forged, per forger
 * @param sources           messages sent, per sender
 * @param okActionsReceived {@code what=200} messages received, per recipient
 * @param startCount        {@code what=202, params='START'} messages, per sender
 * @param noTestsSent       {@code what=201} messages, per sender
 * @param okTestsSent       {@code what=202, params<>'START'} messages, per sender
 * @param koTestsSent       {@code what=204} messages, per sender
 * @param koActionsReceived distinct senders of {@code what=101} per recipient plus distinct recipients of
 *                          {@code what=101} per sender
 */
public record ActivityMetrics(
        Map<String, Long> forged,
        Map<String, Long> sources,
        Map<String, Long> okActionsReceived,
        Map<String, Long> startCount,
        Map<String, Long> noTestsSent,
        Map<String, Long> okTestsSent,
        Map<String, Long> koTestsSent,
        Map<String, Long> koActionsReceived) {

    public ActivityMetrics {
        forged = Map.copyOf(forged);
        sources = Map.copyOf(sources);
        okActionsReceived = Map.copyOf(okActionsReceived);
        startCount = Map.copyOf(startCount);
        noTestsSent = Map.copyOf(noTestsSent);
        okTestsSent = Map.copyOf(okTestsSent);
        koTestsSent = Map.copyOf(koTestsSent);
        koActionsReceived = Map.copyOf(koActionsReceived);
    }
}
