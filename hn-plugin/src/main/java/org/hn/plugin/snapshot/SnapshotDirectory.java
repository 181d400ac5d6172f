package org.hn.plugin.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hn.plugin.files.AtomicFile;
import org.hn.plugin.json.PythonJson;

/**
 * The per-round registry files {@code <dir>/hnrounds/<R>.json} ({@code spec/pow.md §7.1}): written atomically with
 * 2-space indentation, only the {@code keep} highest rounds kept. Names other than {@code ^[0-9]+\.json$} are
 * never read nor deleted (the reference failed on any stray file). Thread-safe: writes are atomic renames.
 */
public final class SnapshotDirectory {

    /** Snapshots kept by default. */
    public static final int DEFAULT_KEEP = 10;

    private static final Pattern SNAPSHOT_NAME = Pattern.compile("[0-9]+\\.json");
    private static final String SUFFIX = ".json";

    private final Path directory;
    private final int keep;

    /**
     * @param directory the {@code hnrounds} directory; created on the first write
     * @param keep      number of snapshots kept, at least 1
     */
    public SnapshotDirectory(Path directory, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1: " + keep);
        }
        this.directory = Objects.requireNonNull(directory, "directory");
        this.keep = keep;
    }

    /** Path of a round's snapshot. */
    public Path path(long round) {
        if (round < 0) {
            throw new IllegalArgumentException("negative round " + round);
        }
        return directory.resolve(round + SUFFIX);
    }

    /** True when the round's snapshot exists. */
    public boolean contains(long round) {
        return round >= 0 && Files.isRegularFile(path(round));
    }

    /**
     * The text of a round's snapshot, empty when there is none.
     *
     * @throws IOException when the file exists but cannot be read
     */
    public Optional<String> read(long round) throws IOException {
        if (!contains(round)) {
            return Optional.empty();
        }
        return Optional.of(new String(Files.readAllBytes(path(round)), StandardCharsets.UTF_8));
    }

    /**
     * Writes a snapshot atomically, then deletes the lowest rounds beyond {@code keep}.
     *
     * @return the file written
     * @throws IOException when the directory cannot be created or written
     */
    public Path write(RoundSnapshot snapshot) throws IOException {
        Files.createDirectories(directory);
        Path file = path(snapshot.round());
        AtomicFile.write(file, PythonJson.indented(snapshot.toJson()));
        prune();
        return file;
    }

    /**
     * Rounds that have a snapshot, ascending; stray names are ignored.
     *
     * @throws IOException when the directory exists but cannot be listed
     */
    public List<Long> rounds() throws IOException {
        List<Long> rounds = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return rounds;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (SNAPSHOT_NAME.matcher(name).matches() && Files.isRegularFile(entry)) {
                    parseRound(name).ifPresent(rounds::add);
                }
            }
        }
        rounds.sort(null);
        return rounds;
    }

    private void prune() throws IOException {
        List<Long> rounds = rounds();
        for (Long round : rounds.subList(0, Math.max(0, rounds.size() - keep))) {
            Files.deleteIfExists(path(round));
        }
    }

    private static Optional<Long> parseRound(String name) {
        try {
            long round = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
            // "007.json" is not the file of round 7: leave it alone like any stray name.
            return name.equals(round + SUFFIX) ? Optional.of(round) : Optional.empty();
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }
}
