package org.hn.plugin.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file so that a reader sees either the old or the new content, never a part ({@code DESIGN.md §5}):
 * the text goes to a hidden temporary file in the same directory, is forced to the device, then renamed over the
 * target with {@link StandardCopyOption#ATOMIC_MOVE}. A crash leaves at most a stray {@code .NAME.*.tmp} file, whose
 * name no reader picks up.
 */
public final class AtomicFile {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicFile() {
    }

    /**
     * Writes {@code text} as UTF-8 into {@code target}, readable by every local user (firewalls and hypernodes often
     * run under other accounts).
     *
     * @throws IOException when the directory is not writable or the rename fails; the target is then unchanged and
     *                     the temporary file removed
     */
    public static void write(Path target, String text) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (POSIX) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * {@link #write} unless the target already holds exactly {@code text}, which spares SD cards a write per poll.
     *
     * @return true when the file was written
     * @throws IOException as {@link #write}
     */
    public static boolean writeIfChanged(Path target, String text) throws IOException {
        if (Files.isRegularFile(target)
                && new String(Files.readAllBytes(target), StandardCharsets.UTF_8).equals(text)) {
            return false;
        }
        write(target, text);
        return true;
    }
}
