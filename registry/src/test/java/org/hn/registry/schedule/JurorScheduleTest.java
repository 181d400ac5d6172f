package org.hn.registry.schedule;

import static org.hn.registry.HypernodeFixtures.hypernode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hn.registry.Hypernode;
import org.hn.registry.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tickets and jurors against {@code tickets_jurors.json} ({@code spec/rounds.md §4}). */
class JurorScheduleTest {

    private static final byte[] ANY_REFERENCE = new byte[20];

    static List<JsonNode> cases() {
        return Vectors.elements(Vectors.load("tickets_jurors.json").get("cases"));
    }

    private static List<String> ticketRows(List<Ticket> tickets) {
        return tickets.stream().map(t -> t.posAddress() + " " + t.tid() + " " + HexFormat.of().formatHex(t.hash()))
                .toList();
    }

    private static List<String> addressesAndTids(List<Ticket> tickets) {
        return tickets.stream().map(t -> t.posAddress() + " " + t.tid()).toList();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ticketsAreIssuedInTheReferenceOrder(JsonNode vector) {
        List<String> expected = new ArrayList<>();
        for (JsonNode row : vector.get("tickets_in_creation_order")) {
            expected.add(row.get(0).asText() + " " + row.get(1).intValue() + " " + row.get(2).asText());
        }

        assertEquals(expected, ticketRows(JurorSchedule.issueTickets(Vectors.registry(vector.get("hn_list")))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ticketsAreRankedByDistanceWithTiesInCreationOrder(JsonNode vector) {
        byte[] reference = Vectors.hex(vector.get("reference_hash_hex"));
        List<String> expected = new ArrayList<>();
        for (JsonNode row : vector.get("tickets_sorted_with_distance")) {
            expected.add(row.get(0).asText() + " " + row.get(1).intValue() + " " + row.get(2).asText()
                    + " " + row.get(3).intValue());
        }

        List<Ticket> ranked = JurorSchedule.rankTickets(
                JurorSchedule.issueTickets(Vectors.registry(vector.get("hn_list"))), reference);

        List<String> actual = ranked.stream()
                .map(t -> t.posAddress() + " " + t.tid() + " " + HexFormat.of().formatHex(t.hash())
                        + " " + t.distanceTo(reference))
                .toList();
        assertEquals(expected, actual);
    }

    @Test
    void theTieOfTheFirstCaseKeepsTicket11BeforeTicket27() {
        JsonNode vector = cases().get(0);
        byte[] reference = Vectors.hex(vector.get("reference_hash_hex"));
        List<Ticket> ranked = JurorSchedule.rankTickets(
                JurorSchedule.issueTickets(Vectors.registry(vector.get("hn_list"))), reference);

        assertEquals(1, vector.get("distance_ties_count").intValue());
        assertEquals(11, ranked.get(16).tid());
        assertEquals(27, ranked.get(17).tid());
        assertEquals(1804, ranked.get(16).distanceTo(reference));
        assertEquals(1804, ranked.get(17).distanceTo(reference));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jurorsAreTheNineteenNearestTickets(JsonNode vector) {
        List<Juror> expected = new ArrayList<>();
        for (JsonNode row : vector.get("jurors")) {
            expected.add(new Juror(expected.size(), row.get(0).asText(), row.get(1).intValue()));
        }
        assertEquals(19, expected.size());

        JurorSchedule schedule = JurorSchedule.draw(Vectors.registry(vector.get("hn_list")),
                Vectors.hex(vector.get("reference_hash_hex")));

        assertTrue(schedule.hasForgers());
        assertEquals(Optional.empty(), schedule.noForgerReason());
        assertEquals(expected, schedule.jurors());
        assertEquals(Optional.of(expected.get(18)), schedule.jurorOfSlot(18));
        assertEquals(Optional.empty(), schedule.jurorOfSlot(19), "slot 19 has no forger");
    }

    @Test
    void passesRepeatUntilAPassEndsWithNineteenTickets() {
        // One pass gives 5 tickets: after 4 passes there are 20, never cut back to 19.
        List<Hypernode> registry = List.of(hypernode("A", 2, true), hypernode("B", 3, true));

        List<String> expected = new ArrayList<>();
        int tid = 0;
        for (int pass = 0; pass < 4; pass++) {
            for (String address : List.of("A", "A", "B", "B", "B")) {
                expected.add(address + " " + tid++);
            }
        }
        assertEquals(expected, addressesAndTids(JurorSchedule.issueTickets(registry)));
    }

    @Test
    void inactiveAndWeightlessEntriesHoldNoTicket() {
        List<Hypernode> registry = List.of(hypernode("inactive", 3, false), hypernode("zero", 0, true),
                hypernode("negative", -1, true), hypernode("A", 1, true));

        List<String> expected = new ArrayList<>();
        for (int tid = 0; tid < 19; tid++) {
            expected.add("A " + tid);
        }
        assertEquals(expected, addressesAndTids(JurorSchedule.issueTickets(registry)));
    }

    @Test
    void ticketHashIsBlake2b160OfAddressAndDecimalTid() {
        // First ticket of every vector case: BLAKE2b-160("BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J0").
        Ticket ticket = Ticket.issue("BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J", 0);

        assertEquals("5d68327e01a82b4dafcbcc894989a8063e8f9593", HexFormat.of().formatHex(ticket.hash()));
    }

    @Test
    void distanceTakesBytesUnsigned() {
        byte[] zeros = new byte[20];
        byte[] ones = new byte[20];
        Arrays.fill(ones, (byte) 0xff);
        byte[] mixed = new byte[20];
        mixed[0] = (byte) 0x80;
        mixed[19] = 0x7f;

        assertEquals(5100, new Ticket("A", 0, zeros).distanceTo(ones));
        assertEquals(0, new Ticket("A", 0, ones).distanceTo(ones));
        // 0x80 is 128, not −128: |128 − 0| + |127 − 0| = 255.
        assertEquals(255, new Ticket("A", 0, mixed).distanceTo(zeros));
        // |128 − 255| + 18 × |0 − 255| + |127 − 255|
        assertEquals(127 + 18 * 255 + 128, new Ticket("A", 0, mixed).distanceTo(ones));
    }

    @Test
    void noActiveWeightGivesNoForgerInsteadOfLooping() {
        List<List<Hypernode>> hopeless = List.of(
                List.of(),
                List.of(hypernode("A", 0, true), hypernode("B", 0, true)),
                List.of(hypernode("A", -1, true)),
                List.of(hypernode("A", 3, false), hypernode("B", 0, true)));

        for (List<Hypernode> registry : hopeless) {
            JurorSchedule schedule = JurorSchedule.draw(registry, ANY_REFERENCE);

            assertFalse(schedule.hasForgers(), registry.toString());
            assertTrue(schedule.noForgerReason().orElseThrow().startsWith("no forger this round"));
            assertEquals(List.of(), schedule.jurors());
            assertEquals(Optional.empty(), schedule.jurorOfSlot(0));
            assertEquals(List.of(), JurorSchedule.issueTickets(registry));
        }
    }

    @Test
    void badInputIsRejected() {
        List<Hypernode> registry = List.of(hypernode("A", 1, true));

        assertThrows(IllegalArgumentException.class, () -> JurorSchedule.draw(registry, new byte[19]));
        assertThrows(IllegalArgumentException.class, () -> JurorSchedule.rankTickets(List.of(), new byte[21]));
        assertThrows(IllegalArgumentException.class, () -> new Ticket("A", 0, new byte[21]));
        assertThrows(IllegalArgumentException.class, () -> new Ticket("A", 0, new byte[20]).distanceTo(new byte[4]));
        JurorSchedule schedule = JurorSchedule.draw(registry, ANY_REFERENCE);
        assertThrows(IllegalArgumentException.class, () -> schedule.jurorOfSlot(20));
        assertThrows(IllegalArgumentException.class, () -> schedule.jurorOfSlot(-1));
    }
}
