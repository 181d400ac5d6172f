package org.hn.plugin.poll;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one poll did.
 *
 * @param round            the current round at the poll
 * @param snapshotsWritten snapshot files written (the current round's and, once confirmed, the next one's)
 * @param problem          why some files could not be refreshed (late or unreadable ledger, unwritable
 *                         directory); empty when everything is up to date
 */
public record PollReport(long round, List<Path> snapshotsWritten, Optional<String> problem) {

    public PollReport {
        snapshotsWritten = List.copyOf(snapshotsWritten);
        Objects.requireNonNull(problem, "problem");
    }
}
