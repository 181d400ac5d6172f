package org.hn.node.consensus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hn.chain.height.Consensus;
import org.hn.chain.height.HeightStatus;

/**
 * What a node sees of the network in one manager iteration ({@code spec/chain.md §10.1}): the chains its peers
 * report, grouped by tip hash and sorted best first, and how many peers agree with its own tip.
 *
 * @param chains     observed chains, best first
 * @param agreeing   peers whose height, round, slot and hash equal ours
 * @param percentage {@code round(agreeing × 100 / registered)} with half-to-even rounding
 */
public record NetworkView(List<ObservedChain> chains, int agreeing, int percentage) {

    public NetworkView {
        chains = List.copyOf(chains);
    }

    /**
     * Builds the view.
     *
     * @param ours            our height status
     * @param outbound        heights reported by outbound peers, by peer key, in connection order
     * @param inbound         heights reported by inbound peers, by peer key; keys also outbound are skipped
     * @param isBanned        whether a block hash (hex) is temporarily banned (chain.md §12)
     * @param ignoredOutbound whether a hash reported by an outbound peer never creates a chain (chain.md §13)
     * @param registered      every registered hypernode of the round, connected or not; positive
     */
    public static NetworkView observe(HeightStatus ours, Map<String, HeightStatus> outbound,
                                      Map<String, HeightStatus> inbound, Predicate<String> isBanned,
                                      Predicate<String> ignoredOutbound, int registered) {
        Map<String, HeightStatus> firstStatus = new LinkedHashMap<>();
        Map<String, List<String>> peersByHash = new LinkedHashMap<>();
        int agreeing = 0;
        List<Map.Entry<String, HeightStatus>> reports = new ArrayList<>(outbound.entrySet());
        inbound.entrySet().stream().filter(entry -> !outbound.containsKey(entry.getKey())).forEach(reports::add);
        for (Map.Entry<String, HeightStatus> report : reports) {
            HeightStatus status = report.getValue();
            String hash = status.blockHash();
            if (isBanned.test(hash)) {
                continue;
            }
            boolean isOutbound = outbound.containsKey(report.getKey());
            if (peersByHash.containsKey(hash)) {
                peersByHash.get(hash).add(report.getKey());
            } else if (!(isOutbound && ignoredOutbound.test(hash))) {
                firstStatus.put(hash, status);
                peersByHash.put(hash, new ArrayList<>(List.of(report.getKey())));
            }
            if (status.sameHeight(ours)) {
                agreeing++;
            }
        }
        List<ObservedChain> chains = new ArrayList<>();
        firstStatus.forEach((hash, status) -> chains.add(new ObservedChain(status, peersByHash.get(hash))));
        chains.sort((a, b) -> HeightStatus.BEST_FIRST.compare(a.status(), b.status()));
        return new NetworkView(chains, agreeing, Consensus.percentage(agreeing, registered));
    }

    /** The best chain seen among peers ({@code net_height}), if any. */
    public Optional<ObservedChain> best() {
        return chains.isEmpty() ? Optional.empty() : Optional.of(chains.get(0));
    }

    /**
     * Whether a round sync is due: the best chain is better than ours in the same round (§10.1 step 5).
     */
    public boolean offersRoundSync(HeightStatus ours) {
        return best().map(chain -> chain.status().isBetterThan(ours) && chain.status().round() == ours.round())
                .orElse(false);
    }

    /** Whether a catch-up is due: the best chain's tip is in a later round than ours (§10.1 step 6). */
    public boolean offersCatchUp(HeightStatus ours) {
        return best().map(chain -> chain.status().round() > ours.round()).orElse(false);
    }
}
