package org.hn.node.update;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The folder of installed releases, laid out so that a switch is one atomic rename:
 * <pre>
 * releases/&lt;version&gt;/hn.jar   one folder per installed release
 * current -&gt; releases/&lt;version&gt;  the release the launcher runs (a relative symbolic link)
 * downloads/&lt;version&gt;.jar.part  a download in progress, resumed by the next run
 * rejected/&lt;version&gt;            a release that failed its health check, with the reason: never retried
 * update.lock                     held while an update runs
 * </pre>
 */
public final class ReleaseStore {

    /** The jar's name inside a release folder; the launcher runs {@code current/hn.jar}. */
    public static final String JAR = "hn.jar";

    private final Path root;

    public ReleaseStore(Path root) {
        this.root = root;
    }

    /** The folder this store manages. */
    public Path root() {
        return root;
    }

    /**
     * The release {@code current} points to.
     *
     * @return empty if there is no {@code current} link yet
     * @throws IOException if the link cannot be read or does not name a release folder
     */
    public Optional<ReleaseVersion> current() throws IOException {
        Path link = root.resolve("current");
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        Path target = Files.readSymbolicLink(link);
        try {
            return Optional.of(ReleaseVersion.parse(target.getFileName().toString()));
        } catch (IllegalArgumentException e) {
            throw new IOException(link + " points to " + target + ", not to a release folder", e);
        }
    }

    /** The file a download of {@code version} goes to (its folder is created). */
    public Path partialDownload(ReleaseVersion version) throws IOException {
        Path downloads = Files.createDirectories(root.resolve("downloads"));
        return downloads.resolve(version.text() + ".jar.part");
    }

    /**
     * Moves a verified jar into {@code releases/<version>/hn.jar} (replacing a leftover folder of that version);
     * the folder appears complete or not at all.
     */
    public void install(ReleaseVersion version, Path verifiedJar) throws IOException {
        Path releases = Files.createDirectories(root.resolve("releases"));
        Path staging = releases.resolve(version.text() + ".new");
        deleteTree(staging);
        Files.createDirectories(staging);
        Files.move(verifiedJar, staging.resolve(JAR), StandardCopyOption.REPLACE_EXISTING);
        Path folder = releases.resolve(version.text());
        deleteTree(folder);
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Points {@code current} at an installed release: a new link renamed over the old one, so the launcher
     * sees either the old release or the new one.
     *
     * @throws IOException if the release is not installed or the link cannot be replaced
     */
    public void switchTo(ReleaseVersion version) throws IOException {
        Path target = Path.of("releases", version.text());
        if (!Files.isRegularFile(root.resolve(target).resolve(JAR))) {
            throw new IOException("release " + version + " is not installed in " + root.resolve(target));
        }
        Path fresh = root.resolve("current.new");
        Files.deleteIfExists(fresh);
        Files.createSymbolicLink(fresh, target);
        Files.move(fresh, root.resolve("current"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Marks a release as failed so that no later run installs it again, and removes its folder. */
    public void reject(ReleaseVersion version, String reason) throws IOException {
        Path rejected = Files.createDirectories(root.resolve("rejected"));
        Files.writeString(rejected.resolve(version.text()), reason + "\n", StandardCharsets.UTF_8);
        deleteTree(root.resolve("releases").resolve(version.text()));
    }

    /** The reason a release was rejected, if it was. */
    public Optional<String> rejection(ReleaseVersion version) throws IOException {
        Path marker = root.resolve("rejected").resolve(version.text());
        return Files.isRegularFile(marker) ? Optional.of(Files.readString(marker).strip()) : Optional.empty();
    }

    /** Deletes every installed release and partial download except those of the versions in {@code keep}. */
    public void prune(Set<ReleaseVersion> keep) throws IOException {
        Set<String> kept = keep.stream().map(ReleaseVersion::text).collect(Collectors.toSet());
        for (String folder : List.of("releases", "downloads")) {
            Path parent = root.resolve(folder);
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (var entries = Files.list(parent)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (!kept.contains(name.endsWith(".jar.part") ? name.substring(0, name.length() - 9) : name)) {
                        deleteTree(entry);
                    }
                }
            }
        }
    }

    /**
     * Takes the store's lock so that a manual run and the cron job never update at the same time.
     *
     * @return the held lock (close it to release), or empty if another update holds it
     */
    public Optional<AutoCloseable> lock() throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve("update.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(channel::close);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
