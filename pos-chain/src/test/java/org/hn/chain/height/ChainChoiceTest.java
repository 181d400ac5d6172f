package org.hn.chain.height;

import static org.hn.chain.testing.TestData.bool;
import static org.hn.chain.testing.TestData.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hn.chain.testing.TestData;
import org.junit.jupiter.api.Test;

class ChainChoiceTest {

    private static final JsonNode VECTORS = TestData.vectors("chain_choice.json");

    private static HeightStatus status(JsonNode node) {
        return new HeightStatus(number(node.get("height")), number(node.get("round")), (int) number(node.get("sir")),
                node.get("block_hash").asText(), number(node.get("uniques")), number(node.get("uniques_round")),
                number(node.get("forgers")), number(node.get("forgers_round")));
    }

    @Test
    void comparesLikeTheReference() {
        assertEquals(9, VECTORS.get("comparisons").size());
        for (JsonNode comparison : VECTORS.get("comparisons")) {
            HeightStatus a = status(comparison.get("a"));
            HeightStatus b = status(comparison.get("b"));
            String name = comparison.get("case").asText();
            assertEquals(bool(comparison.get("first_height_is_better")), a.isBetterThan(b), name);
            assertEquals(bool(comparison.get("same_height")), a.sameHeight(b), name);
            assertEquals(bool(comparison.get("heights_match")), a.heightsMatch(b), name);
        }
    }

    @Test
    void sortsBestChainFirst() {
        List<HeightStatus> chains = new ArrayList<>();
        HeightStatus fewForgersButTall = new HeightStatus(500, 90, 3, "ff", 100, 5, 10, 2);
        HeightStatus manyForgers = new HeightStatus(400, 80, 3, "00", 100, 5, 11, 2);
        HeightStatus sameButSmallerHash = new HeightStatus(400, 80, 3, "0a", 100, 5, 11, 2);
        chains.add(fewForgersButTall);
        chains.add(manyForgers);
        chains.add(sameButSmallerHash);
        chains.sort(HeightStatus.BEST_FIRST);
        assertEquals(List.of(sameButSmallerHash, manyForgers, fewForgersButTall), chains);
    }

    @Test
    void percentageRoundsHalfToEven() {
        for (JsonNode row : VECTORS.get("consensus_percentage")) {
            assertEquals(number(row.get("python_round_pc")),
                    Consensus.percentage((int) number(row.get("nb")), (int) number(row.get("total"))),
                    row.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> Consensus.percentage(0, 0));
    }
}
