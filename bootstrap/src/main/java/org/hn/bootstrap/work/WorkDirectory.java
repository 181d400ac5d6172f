package org.hn.bootstrap.work;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The private scratch directories of snapshot work ({@value #PREFIX}…), created inside the directory whose
 * filesystem the result must land on so a final rename is atomic, and removed afterwards or, after a crash, by
 * the next run.
 */
public final class WorkDirectory {

    /** Name prefix of every scratch directory. */
    public static final String PREFIX = ".bootstrap-work-";

    private WorkDirectory() {
    }

    /** A new empty scratch directory inside {@code parent} (created if missing). */
    public static Path create(Path parent) throws IOException {
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, PREFIX);
    }

    /** Deletes a scratch directory and its content; a missing one is fine. */
    public static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    /** Removes the scratch directories a killed run left in {@code parent}. */
    public static void deleteLeftovers(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return;
        }
        List<Path> leftovers;
        try (Stream<Path> list = Files.list(parent)) {
            leftovers = list.filter(path -> path.getFileName().toString().startsWith(PREFIX)).toList();
        }
        for (Path leftover : leftovers) {
            delete(leftover);
        }
    }
}
