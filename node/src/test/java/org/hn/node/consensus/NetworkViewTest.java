package org.hn.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hn.chain.height.HeightStatus;
import org.junit.jupiter.api.Test;

class NetworkViewTest {

    private static final HeightStatus OURS = new HeightStatus(100, 50, 3, "aa".repeat(20), 30, 4, 20, 3);
    private static final HeightStatus BETTER_SAME_ROUND = new HeightStatus(100, 50, 3, "bb".repeat(20), 30, 5, 20, 4);
    private static final HeightStatus LATER_ROUND = new HeightStatus(120, 51, 1, "cc".repeat(20), 31, 1, 20, 1);
    private static final HeightStatus IGNORED = new HeightStatus(90, 49, 1, "466cbd256fc248fd87f9aadedd8469afc8b4efa2",
            99, 99, 99, 99);

    @Test
    void groupsPeersByHashBestFirstAndCountsAgreement() {
        Map<String, HeightStatus> outbound = new LinkedHashMap<>();
        outbound.put("10.0.0.1:06969", OURS);
        outbound.put("10.0.0.2:06969", BETTER_SAME_ROUND);
        outbound.put("10.0.0.3:06969", OURS);
        outbound.put("10.0.0.4:06969", IGNORED);
        Map<String, HeightStatus> inbound = new LinkedHashMap<>();
        inbound.put("10.0.0.2:06969", LATER_ROUND);
        inbound.put("10.0.0.5:06969", BETTER_SAME_ROUND);
        inbound.put("10.0.0.6:06969", IGNORED);

        NetworkView view = NetworkView.observe(OURS, outbound, inbound, hash -> false,
                hash -> hash.equals(IGNORED.blockHash()), 8);

        assertEquals(List.of(IGNORED, BETTER_SAME_ROUND, OURS), view.chains().stream().map(ObservedChain::status).toList(),
                "more forgers first: the ignored hash is grouped once an inbound peer reports it");
        assertEquals(List.of("10.0.0.6:06969"), view.chains().get(0).peers());
        assertEquals(List.of("10.0.0.2:06969", "10.0.0.5:06969"), view.chains().get(1).peers(),
                "an inbound key that is also outbound is skipped");
        assertEquals(2, view.chains().get(2).count());
        assertEquals(2, view.agreeing());
        assertEquals(25, view.percentage(), "2 of 8 registered");
    }

    @Test
    void bannedHashesAreIgnoredEntirely() {
        Map<String, HeightStatus> outbound = new LinkedHashMap<>();
        outbound.put("p1", BETTER_SAME_ROUND);
        outbound.put("p2", OURS);
        NetworkView view = NetworkView.observe(OURS, outbound, Map.of(),
                hash -> hash.equals(BETTER_SAME_ROUND.blockHash()), hash -> false, 3);
        assertEquals(List.of(OURS), view.chains().stream().map(ObservedChain::status).toList());
        assertEquals(33, view.percentage());
        assertFalse(view.offersRoundSync(OURS));
    }

    @Test
    void decidesBetweenRoundSyncAndCatchUp() {
        NetworkView sameRound = NetworkView.observe(OURS, Map.of("p", BETTER_SAME_ROUND), Map.of(), h -> false, h -> false, 5);
        assertTrue(sameRound.offersRoundSync(OURS));
        assertFalse(sameRound.offersCatchUp(OURS));
        NetworkView later = NetworkView.observe(OURS, Map.of("p", LATER_ROUND), Map.of(), h -> false, h -> false, 5);
        assertFalse(later.offersRoundSync(OURS), "a later round is a catch-up, not a round sync");
        assertTrue(later.offersCatchUp(OURS));
        NetworkView alone = NetworkView.observe(OURS, Map.of(), Map.of(), h -> false, h -> false, 5);
        assertTrue(alone.best().isEmpty());
        assertEquals(0, alone.percentage());
    }
}
