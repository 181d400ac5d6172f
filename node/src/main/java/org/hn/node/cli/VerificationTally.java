package org.hn.node.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of a verification run over message rows: total, valid, invalid per reason, and the earliest
 * failures in row order. Not thread-safe: each worker fills its own tally, and the tallies are then added
 * together in row order.
 */
final class VerificationTally {

    /** How many failures are kept for the report; the others are only counted. */
    static final int FIRST_FAILURES = 10;

    private long total;
    private long valid;
    private final Map<String, Long> invalidByReason = new HashMap<>();
    private final List<RowFailure> firstFailures = new ArrayList<>();

    void addValid() {
        total++;
        valid++;
    }

    /** Counts a failure; rows must be added in file order so that the kept failures are the earliest. */
    void addFailure(RowFailure failure) {
        total++;
        invalidByReason.merge(failure.reason(), 1L, Long::sum);
        if (firstFailures.size() < FIRST_FAILURES) {
            firstFailures.add(failure);
        }
    }

    /** Adds the tally of rows that all come after the rows already counted here. */
    void addLater(VerificationTally later) {
        total += later.total;
        valid += later.valid;
        later.invalidByReason.forEach((reason, count) -> invalidByReason.merge(reason, count, Long::sum));
        for (RowFailure failure : later.firstFailures) {
            if (firstFailures.size() == FIRST_FAILURES) {
                break;
            }
            firstFailures.add(failure);
        }
    }

    long total() {
        return total;
    }

    long valid() {
        return valid;
    }

    long invalid() {
        return total - valid;
    }

    /** Invalid rows per reason, the most frequent reason first (ties by reason text, for a stable report). */
    Map<String, Long> invalidByReason() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        invalidByReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /** Up to {@link #FIRST_FAILURES} failures, in row order. */
    List<RowFailure> firstFailures() {
        return Collections.unmodifiableList(firstFailures);
    }
}
