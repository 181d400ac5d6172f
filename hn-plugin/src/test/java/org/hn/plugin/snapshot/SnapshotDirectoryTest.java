package org.hn.plugin.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hn.registry.registration.RegistrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention and stray names in {@code hnrounds} ({@code spec/pow.md §7.1}). */
class SnapshotDirectoryTest {

    @TempDir
    Path directory;

    private static RoundSnapshot empty(long round) {
        return new RoundSnapshot(round, 1_534_716_000d + (round - 1) * 3600, RegistrationState.initial());
    }

    private List<String> names(Path path) throws Exception {
        try (Stream<Path> files = Files.list(path)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void onlyTheLastRoundsAreKeptAndStrayNamesAreLeftAlone() throws Exception {
        Path rounds = directory.resolve("hnrounds");
        Files.createDirectories(rounds);
        for (String stray : List.of("notes.txt", "abc.json", "007.json", "12.json.bak", "1.json.old")) {
            Files.writeString(rounds.resolve(stray), "stray");
        }
        Files.createDirectories(rounds.resolve("99.json"));
        SnapshotDirectory snapshots = new SnapshotDirectory(rounds, 3);

        for (long round = 1; round <= 6; round++) {
            snapshots.write(empty(round));
        }

        assertEquals(List.of(4L, 5L, 6L), snapshots.rounds());
        // No temporary file is left behind by the atomic writes.
        List<String> expected = List.of("007.json", "1.json.old", "12.json.bak", "4.json", "5.json", "6.json",
                "99.json", "abc.json", "notes.txt");
        assertEquals(expected, names(rounds));
        // A write that cannot complete leaves the directory as it was, without its temporary file.
        assertThrows(IOException.class, () -> snapshots.write(empty(99)));
        assertEquals(expected, names(rounds));
        assertTrue(snapshots.contains(6));
        assertFalse(snapshots.contains(3));
        assertFalse(snapshots.contains(7));
        assertEquals(Optional.empty(), snapshots.read(7));
        assertTrue(snapshots.read(6).orElseThrow().contains("\"pos_round\": 6,"));
    }

    @Test
    void rewritingARoundReplacesItsFile() throws Exception {
        SnapshotDirectory snapshots = new SnapshotDirectory(directory, 10);
        snapshots.write(empty(8));
        snapshots.write(new RoundSnapshot(8, 1_534_741_200d, RegistrationState.initial()));

        assertTrue(snapshots.read(8).orElseThrow().contains("\"ref_timestamp\": 1534741200.0,"));
        assertEquals(List.of("8.json"), names(directory));
    }
}
