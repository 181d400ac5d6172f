package org.hn.registry.round;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.hn.registry.Hypernode;
import org.hn.registry.colored.Rainbow;
import org.hn.registry.registration.InvalidRegistration;
import org.hn.registry.schedule.JurorSchedule;
import org.hn.registry.schedule.TestSchedule;

/**
 * Everything a round's schedule is made of ({@code spec/rounds.md §7.2} steps 5–16): the registry in its
 * consensus order with activity flags, the 19 jurors and the test slots.
 *
 * @param round           the round number
 * @param referenceHeight the PoW block the registry was read at ({@code spec/rounds.md §3})
 * @param referenceHash   the 20-byte PoS block hash the tickets and tests were drawn from
 * @param hypernodes      every registered hypernode in registry order; inactive ones have {@code active == false}
 * @param invalid         the registration rows that were refused, with their reasons
 * @param jurors          the forger of each slot 0–18, or none with a reason
 * @param tests           the test assignments of each slot
 * @param rainbow         the network-wide tuneables in force for the round ({@code spec/rounds.md §10})
 */
public record RoundPlan(
        long round,
        long referenceHeight,
        byte[] referenceHash,
        List<Hypernode> hypernodes,
        List<InvalidRegistration> invalid,
        JurorSchedule jurors,
        TestSchedule tests,
        Rainbow rainbow) {

    public RoundPlan {
        referenceHash = referenceHash.clone();
        hypernodes = List.copyOf(hypernodes);
        invalid = List.copyOf(invalid);
        Objects.requireNonNull(jurors, "jurors");
        Objects.requireNonNull(tests, "tests");
        Objects.requireNonNull(rainbow, "rainbow");
    }

    @Override
    public byte[] referenceHash() {
        return referenceHash.clone();
    }

    /** The reference hash in lowercase hex. */
    public String referenceHashHex() {
        return HexFormat.of().formatHex(referenceHash);
    }
}
