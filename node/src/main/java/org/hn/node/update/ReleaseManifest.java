package org.hn.node.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A release manifest: the JSON document a release publishes beside its jar, signed by the release key
 * ({@code manifest.json} with its signature in {@code manifest.json.sig}).
 * <pre>{"version": "0.2.0", "jar": "hn-0.2.0.jar", "sha256": "&lt;64 hex&gt;", "size": 41234567}</pre>
 *
 * @param version the release's version
 * @param jar     where the jar is: an absolute http(s) URL or a path relative to the manifest's URL
 * @param sha256  SHA-256 of the jar, 64 lower-case hex digits
 * @param size    the jar's length in bytes
 */
public record ReleaseManifest(ReleaseVersion version, String jar, String sha256, long size) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Manifests are small; a larger answer is not one. */
    public static final int MAX_BYTES = 16 * 1024;

    /**
     * Parses a manifest's bytes (only after its signature checked out).
     *
     * @throws UpdateException naming the field that is missing or malformed
     */
    public static ReleaseManifest parse(byte[] bytes) throws UpdateException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UpdateException("the manifest is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new UpdateException("the manifest is not a JSON object");
        }
        try {
            ReleaseVersion version = ReleaseVersion.parse(text(root, "version"));
            String jar = text(root, "jar");
            String hash = text(root, "sha256");
            if (!hash.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("sha256 is not 64 hex digits");
            }
            JsonNode size = root.path("size");
            if (!size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() <= 0) {
                throw new IllegalArgumentException("size is not a positive byte count");
            }
            return new ReleaseManifest(version, jar, hash.toLowerCase(Locale.ROOT), size.asLong());
        } catch (IllegalArgumentException e) {
            throw new UpdateException("bad manifest: " + e.getMessage(), e);
        }
    }

    /**
     * The jar's URL, resolved against the manifest's URL.
     *
     * @throws UpdateException if it is not an http(s) URL
     */
    public URI jarUri(URI manifestUri) throws UpdateException {
        try {
            URI resolved = manifestUri.resolve(new URI(jar));
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new UpdateException("the jar URL " + resolved + " is not http or https");
            }
            return resolved;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new UpdateException("the jar URL '" + jar + "' is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * Describes a release jar: its SHA-256 and size.
     *
     * @param jarUrl where the jar will be published, absolute or relative to the manifest
     * @throws IOException if the jar cannot be read
     */
    public static ReleaseManifest describe(ReleaseVersion version, String jarUrl, Path jar) throws IOException {
        return new ReleaseManifest(version, jarUrl, sha256(jar), Files.size(jar));
    }

    /** SHA-256 of a file's content in lower-case hex, read in blocks. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The manifest as JSON text (UTF-8 bytes), the form {@code hn release sign} signs and publishes. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", version.text());
        root.put("jar", jar);
        root.put("sha256", sha256);
        root.put("size", size);
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serialises", e);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing or not text");
        }
        return value.asText();
    }
}
