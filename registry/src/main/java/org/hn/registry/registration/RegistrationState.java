package org.hn.registry.registration;

import java.util.List;
import org.hn.pow.ledger.PowLedger;
import org.hn.registry.Hypernode;

/**
 * The registry after folding every registration row up to a height ({@code spec/pow.md §5.4}): immutable.
 *
 * @param scannedThrough last PoW height whose rows are folded in (inclusive)
 * @param hypernodes     current registrations in registry order (first valid registration first) — the order is
 *                       consensus-relevant
 * @param invalid        every ignored row up to {@code scannedThrough}, in ledger order
 */
public record RegistrationState(long scannedThrough, List<Hypernode> hypernodes, List<InvalidRegistration> invalid) {

    public RegistrationState {
        hypernodes = List.copyOf(hypernodes);
        invalid = List.copyOf(invalid);
    }

    /** The empty registry at the checkpoint height 773800, where every full scan starts ({@code §5.2}). */
    public static RegistrationState initial() {
        return new RegistrationState(PowLedger.REGISTRATION_CHECKPOINT, List.of(), List.of());
    }
}
