package org.hn.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static JsonNode roundsVectors() throws IOException {
        Path file = Path.of(System.getProperty("hn.testdata", "../../shared/testdata"), "vectors", "rounds.json");
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void mainnetRoundAndSlotMatchTheReferenceVectors() throws IOException {
        JsonNode vectors = roundsVectors();
        assertEquals(3600, Network.MAINNET.roundSeconds());
        assertEquals(vectors.at("/constants/ORIGIN_OF_TIME").asLong(), Network.MAINNET.originOfTime());
        for (JsonNode row : vectors.get("timestamp_to_round_slot")) {
            double timestamp = row.get("timestamp").asDouble();
            assertEquals(row.get("round").asLong(), Network.MAINNET.roundAt(timestamp), "round of " + timestamp);
            assertEquals(row.get("slot").asInt(), Network.MAINNET.slotAt(timestamp), "slot of " + timestamp);
        }
        for (JsonNode row : vectors.get("round_timestamps")) {
            assertEquals(row.get("round_start_timestamp").asLong(),
                    Network.MAINNET.roundStart(row.get("round").asLong()));
        }
    }

    @Test
    void devnetRoundsLastTwoMinutes() {
        assertEquals(120, Network.DEVNET.roundSeconds());
        long start = Network.DEVNET.roundStart(1000);
        assertEquals(1000, Network.DEVNET.roundAt(start + 119.9));
        assertEquals(19, Network.DEVNET.slotAt(start + 119));
        assertEquals(1001, Network.DEVNET.roundAt(start + 120));
    }

    @Test
    void magicsAndIdsAreThoseOfTheDesign() {
        assertArrayEquals(new byte[] {(byte) 0xb1, 0x5b, 0x48, 0x4e}, Network.MAINNET.frameMagic());
        assertArrayEquals(new byte[] {(byte) 0xb1, 0x5b, 0x48, 0x44}, Network.DEVNET.frameMagic());
        assertEquals(0x19, Network.MAINNET.networkId());
        assertEquals(0x55, Network.TESTNET.networkId());
        assertEquals(Network.TESTNET, Network.fromId(" Testnet"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Network.fromId("moon"));
        assertEquals("unknown network 'moon' (expected mainnet, testnet or devnet)", error.getMessage());
    }
}
