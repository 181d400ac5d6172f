package org.hn.plugin.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.hn.plugin.allowlist.Allowlist;
import org.hn.plugin.json.ColoredJson;
import org.hn.plugin.json.PythonJson;
import org.hn.plugin.snapshot.SnapshotDirectory;
import org.hn.plugin.status.PowStatus;
import org.hn.registry.colored.Color;
import org.hn.registry.colored.ColoredLists;

/**
 * The files the companion publishes in its directory ({@code DESIGN.md §5}, {@code spec/pow.md §7.1, §8.2, §9.3}):
 * {@code hnrounds/<R>.json}, {@code allowlist.txt}, {@code colored.json} and {@code powstatus.json}, each replaced
 * atomically. A file whose content did not change is not rewritten.
 */
public final class PluginDirectory {

    /** Sub-directory of the per-round snapshots. */
    public static final String ROUNDS = "hnrounds";
    /** Registered hypernode IPs, one a line. */
    public static final String ALLOWLIST = "allowlist.txt";
    /** {@code {color: [items]}} for the eleven colors. */
    public static final String COLORED = "colored.json";
    /** The PoW-freshness signal. */
    public static final String POW_STATUS = "powstatus.json";

    private final Path directory;
    private final SnapshotDirectory snapshots;

    /**
     * @param directory where the files go; created on the first write
     * @param keep      snapshots kept in {@code hnrounds}
     */
    public PluginDirectory(Path directory, int keep) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.snapshots = new SnapshotDirectory(directory.resolve(ROUNDS), keep);
    }

    /** The directory itself. */
    public Path path() {
        return directory;
    }

    /** The per-round snapshots. */
    public SnapshotDirectory snapshots() {
        return snapshots;
    }

    /**
     * Replaces {@code allowlist.txt} when its content changes.
     *
     * @return true when written
     * @throws IOException when the directory cannot be written; the previous file stays
     */
    public boolean writeAllowlist(Allowlist allowlist) throws IOException {
        return write(ALLOWLIST, allowlist.text());
    }

    /**
     * Replaces {@code colored.json} ({@code §8.2}: every color, in {@link Color} order, with its items; indented like
     * the snapshots) when its content changes.
     *
     * @return true when written
     * @throws IOException when the directory cannot be written; the previous file stays
     */
    public boolean writeColored(ColoredLists lists) throws IOException {
        return write(COLORED, PythonJson.indented(ColoredJson.of(lists)));
    }

    /**
     * Replaces {@code powstatus.json}.
     *
     * @return true when written (its age changes with every check)
     * @throws IOException when the directory cannot be written; the previous file stays
     */
    public boolean writePowStatus(PowStatus status) throws IOException {
        return write(POW_STATUS, PythonJson.indented(status.toJson()));
    }

    private boolean write(String name, String text) throws IOException {
        Files.createDirectories(directory);
        return AtomicFile.writeIfChanged(directory.resolve(name), text);
    }
}
