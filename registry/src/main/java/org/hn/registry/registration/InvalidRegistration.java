package org.hn.registry.registration;

import java.util.Objects;
import org.hn.pow.ledger.RegistrationRow;

/**
 * A row the fold ignored, with the reason ({@code spec/pow.md §5.4}; the reference's "IP feed" shows these).
 *
 * @param row    the ledger row
 * @param reason named reason
 * @param detail human-readable explanation, for logs and diagnostics
 */
public record InvalidRegistration(RegistrationRow row, InvalidReason reason, String detail) {

    public InvalidRegistration {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
