package org.hn.registry.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hn.registry.Hypernode;
import org.hn.registry.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Peers to connect to against {@code connect_to.json} ({@code spec/rounds.md §6.3}). */
class ConnectToTest {

    private static final JsonNode VECTOR = Vectors.load("connect_to.json");
    private static final List<Hypernode> REGISTRY = Vectors.registry(VECTOR.get("peers"));
    private static final String ME = VECTOR.get("my_address").asText();

    static List<JsonNode> rounds() {
        return Vectors.elements(VECTOR.get("results"));
    }

    @ParameterizedTest
    @MethodSource("rounds")
    void fullShuffledOrderMatches(JsonNode result) {
        assertEquals(ME + result.get("round").longValue(), result.get("seed_string").asText());
        List<String> expected = new ArrayList<>();
        result.get("full_shuffled_order_addresses").forEach(address -> expected.add(address.asText()));

        List<Hypernode> shuffled = ConnectTo.shuffledPeers(REGISTRY, result.get("round").longValue(), ME);

        assertEquals(expected, shuffled.stream().map(Hypernode::posAddress).toList());
    }

    @ParameterizedTest
    @MethodSource("rounds")
    void firstFortyEntriesMatch(JsonNode result) {
        assertEquals(ConnectTo.DEFAULT_MAX_CONNECT_TO, VECTOR.get("max_connect_to").intValue());
        List<Hypernode> expected = Vectors.registry(result.get("connect_to"));

        assertEquals(expected, ConnectTo.select(REGISTRY, result.get("round").longValue(), ME,
                ConnectTo.DEFAULT_MAX_CONNECT_TO));
    }

    @Test
    void everyEntryOfTheNodeItselfIsLeftOut() {
        List<Hypernode> registry = new ArrayList<>(REGISTRY.subList(0, 5));
        registry.add(REGISTRY.get(0).withActive(false));

        List<Hypernode> peers = ConnectTo.select(registry, 881, REGISTRY.get(0).posAddress(), 40);

        assertEquals(4, peers.size());
        assertEquals(Set.copyOf(registry.subList(1, 5)), Set.copyOf(peers));
    }

    @Test
    void theCutKeepsAtMostMaxConnectTo() {
        assertEquals(List.of(), ConnectTo.select(REGISTRY, 881, ME, 0));
        assertEquals(ConnectTo.shuffledPeers(REGISTRY, 881, ME).subList(0, 3), ConnectTo.select(REGISTRY, 881, ME, 3));
        assertEquals(49, ConnectTo.select(REGISTRY, 881, ME, 100).size());
        assertThrows(IllegalArgumentException.class, () -> ConnectTo.select(REGISTRY, 881, ME, -1));
    }
}
