package org.hn.registry.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hn.config.Network;
import org.hn.registry.Hypernode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who forges each slot of a round: the 19 tickets nearest to the round's reference hash
 * ({@code spec/rounds.md §4}).
 *
 * <p>When no active hypernode has a positive weight the reference loops forever; here the schedule is empty
 * and says why ("no forger this round", {@code spec/rounds.md §11 #3}).
 */
public final class JurorSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(JurorSchedule.class);

    private final List<Juror> jurors;
    private final String noForgerReason;

    private JurorSchedule(List<Juror> jurors, String noForgerReason) {
        this.jurors = List.copyOf(jurors);
        this.noForgerReason = noForgerReason;
    }

    /**
     * Draws the jurors of a round.
     *
     * @param registry      the round's registry in registry order ({@code spec/rounds.md §5.3}); only entries
     *                      with {@code active} true and a positive weight get tickets
     * @param referenceHash the round's 20-byte reference hash
     * @return 19 jurors for slots 0–18, or an empty schedule with a reason when nobody can hold a ticket
     * @throws IllegalArgumentException if {@code referenceHash} is not 20 bytes
     */
    public static JurorSchedule draw(List<Hypernode> registry, byte[] referenceHash) {
        Ticket.requireReferenceHash(referenceHash);
        List<Ticket> tickets = issueTickets(registry);
        if (tickets.isEmpty()) {
            String reason = "no forger this round: none of the " + registry.size()
                    + " registered hypernodes is active with a positive weight";
            LOG.warn("{} (the reference node would hang here, spec/rounds.md §4.1)", reason);
            return new JurorSchedule(List.of(), reason);
        }
        List<Ticket> ranked = rankTickets(tickets, referenceHash);
        List<Juror> jurors = new ArrayList<>(Network.FORGING_SLOTS);
        for (int slot = 0; slot < Network.FORGING_SLOTS; slot++) {
            Ticket ticket = ranked.get(slot);
            jurors.add(new Juror(slot, ticket.posAddress(), ticket.tid()));
        }
        return new JurorSchedule(jurors, null);
    }

    /**
     * The tickets of a round in creation order ({@code spec/rounds.md §4.1}): full passes over the active
     * entries with a positive weight, {@code weight} tickets each per pass, {@code tid} counting on across
     * passes, until a pass ends with at least 19 tickets.
     *
     * @return the tickets, or an empty list when no entry is active with a positive weight
     */
    public static List<Ticket> issueTickets(List<Hypernode> registry) {
        List<Hypernode> holders = registry.stream()
                .filter(hypernode -> hypernode.active() && hypernode.weight() > 0)
                .toList();
        List<Ticket> tickets = new ArrayList<>();
        if (holders.isEmpty()) {
            return tickets;
        }
        int tid = 0;
        while (tickets.size() < Network.FORGING_SLOTS) {
            for (Hypernode hypernode : holders) {
                for (int copy = 0; copy < hypernode.weight(); copy++) {
                    tickets.add(Ticket.issue(hypernode.posAddress(), tid++));
                }
            }
        }
        return tickets;
    }

    /**
     * Orders tickets by ascending distance to the reference hash ({@code spec/rounds.md §4.2}); the sort is
     * stable, so equal distances keep the order they were given in (creation order).
     *
     * @return a new list
     * @throws IllegalArgumentException if {@code referenceHash} is not 20 bytes
     */
    public static List<Ticket> rankTickets(List<Ticket> tickets, byte[] referenceHash) {
        Ticket.requireReferenceHash(referenceHash);
        List<Ticket> ranked = new ArrayList<>(tickets);
        ranked.sort(Comparator.comparingInt(ticket -> ticket.distanceTo(referenceHash)));
        return ranked;
    }

    /** The jurors of slots 0–18 in slot order; empty when there is no forger this round. */
    public List<Juror> jurors() {
        return jurors;
    }

    /** Whether the round has forgers at all. */
    public boolean hasForgers() {
        return noForgerReason == null;
    }

    /** Why the round has no forger; empty when it has some. */
    public Optional<String> noForgerReason() {
        return Optional.ofNullable(noForgerReason);
    }

    /**
     * The juror of a slot.
     *
     * @param slot 0–19
     * @return the juror, or empty for the end-of-round slot 19 and when the round has no forger
     * @throws IllegalArgumentException if {@code slot} is outside 0–19
     */
    public Optional<Juror> jurorOfSlot(int slot) {
        if (slot < 0 || slot >= Network.SLOTS_PER_ROUND) {
            throw new IllegalArgumentException("a round has slots 0 to " + (Network.SLOTS_PER_ROUND - 1)
                    + ", got " + slot);
        }
        return slot < jurors.size() ? Optional.of(jurors.get(slot)) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JurorSchedule schedule
                && jurors.equals(schedule.jurors)
                && Objects.equals(noForgerReason, schedule.noForgerReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jurors, noForgerReason);
    }

    @Override
    public String toString() {
        return hasForgers() ? "JurorSchedule" + jurors : "JurorSchedule[" + noForgerReason + "]";
    }
}
