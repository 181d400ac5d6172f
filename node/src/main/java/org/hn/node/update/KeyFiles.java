package org.hn.node.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** The text form of the release key files: {@code #} comment lines and one line of base64. */
final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * The bytes of the key file's base64 line.
     *
     * @throws IOException if the file cannot be read or has no single base64 line
     */
    static byte[] decode(Path file) throws IOException {
        String[] lines = Files.readString(file, StandardCharsets.US_ASCII).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toArray(String[]::new);
        if (lines.length != 1) {
            throw new IOException(file + " should hold one line of base64 besides # comments, found " + lines.length);
        }
        try {
            return Base64.getDecoder().decode(lines[0]);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not base64: " + e.getMessage(), e);
        }
    }
}
