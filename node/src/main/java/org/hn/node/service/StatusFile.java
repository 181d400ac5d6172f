package org.hn.node.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The status file ({@code <data dir>/status.json}): the last status snapshot, rewritten at each refresh. It is
 * the node's liveness heartbeat for the watchdog and {@code hn devnet}, so a reader never sees it half written:
 * the text goes to a temporary file in the same folder, which then atomically replaces the status file.
 */
public final class StatusFile {

    private final Path file;

    /** @param file the status file; its folder must exist */
    public StatusFile(Path file) {
        this.file = file;
    }

    /**
     * Replaces the file's content by {@code json} and a newline.
     *
     * @throws IOException if the temporary file cannot be written or moved; the previous file is then intact
     */
    public void write(String json) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, json + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
