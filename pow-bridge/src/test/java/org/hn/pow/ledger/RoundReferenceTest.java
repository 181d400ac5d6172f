package org.hn.pow.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.hn.config.Network;
import org.junit.jupiter.api.Test;

/** {@code spec/rounds.md §3}, against the reference's {@code rounds.json} vectors. */
class RoundReferenceTest {

    @Test
    void mainnetReferenceTimestampsMatchTheVectors() throws IOException {
        Path vectors = Path.of(System.getProperty("hn.testdata"), "vectors", "rounds.json");
        JsonNode rounds = new ObjectMapper().readTree(vectors.toFile()).get("round_timestamps");
        assertTrue(rounds.size() >= 7);
        for (JsonNode round : rounds) {
            assertEquals(round.get("pow_reference_timestamp").asLong(),
                    RoundReference.referenceTimestamp(Network.MAINNET, round.get("round").asLong()),
                    "round " + round.get("round"));
        }
    }

    @Test
    void fixtureRoundsUseTheStartOfThePreviousRound() {
        assertEquals(1_535_403_600L, RoundReference.referenceTimestamp(Network.MAINNET, 192));
        assertEquals(1_535_400_000L, RoundReference.referenceTimestamp(Network.MAINNET, 191));
        assertEquals(1_535_407_200L, RoundReference.referenceTimestamp(Network.MAINNET, 193));
    }

    @Test
    void devnetReferenceIsOneShortRoundBeforeTheRoundStarts() {
        assertEquals(Network.DEVNET.roundStart(41), RoundReference.referenceTimestamp(Network.DEVNET, 42));
    }
}
