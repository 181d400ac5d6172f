package org.hn.bootstrap.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.SnapshotFailure;
import org.hn.config.Network;

/**
 * What a bootstrap archive claims to hold ({@code spec/ops.md §8.1}, careful implementation item 1): the network,
 * the last round it covers, the chain's height and tip hash at that cut, when it was made, who signed it, and
 * the size and SHA-256 of every file. Stored as the archive member {@code manifest.json}; the signature covers
 * exactly those bytes.
 *
 * @param network        the chain's network
 * @param round          the last round whose blocks are in the snapshot (R − 2 at creation time)
 * @param height         the height of the snapshot's tip block
 * @param tipHash        the tip block's hash, 40 lower-case hex digits
 * @param createdSeconds creation time, unix seconds
 * @param signer         the PoS address of the signing key on {@code network}
 * @param signerKey      the signing public key, 64 bytes x ‖ y as 128 hex digits
 * @param files          the data-directory files of the archive
 */
public record SnapshotManifest(Network network, long round, long height, String tipHash, long createdSeconds,
                               String signer, String signerKey, List<SnapshotFile> files) {

    /** The manifest format this code writes and reads. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HASH160_HEX = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PUBLIC_KEY_HEX = Pattern.compile("[0-9a-f]{128}");

    public SnapshotManifest {
        files = List.copyOf(files);
    }

    /** The manifest as the UTF-8 JSON bytes that are stored and signed: fixed key order, no spaces. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("network", network.id());
        root.put("round", round);
        root.put("height", height);
        root.put("tip_hash", tipHash);
        root.put("created", createdSeconds);
        root.put("signer", signer);
        root.put("signer_key", signerKey);
        ArrayNode list = root.putArray("files");
        for (SnapshotFile file : files) {
            list.addObject().put("name", file.name()).put("size", file.size()).put("sha256", file.sha256());
        }
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** The signing public key's 64 raw bytes. */
    public byte[] signerKeyBytes() {
        return HexFormat.of().parseHex(signerKey);
    }

    /**
     * Reads manifest bytes as stored in an archive.
     *
     * @throws SnapshotException {@link SnapshotFailure#BAD_MANIFEST} naming the first missing or malformed field
     */
    public static SnapshotManifest parse(byte[] json) throws SnapshotException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw bad("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad("not a JSON object");
        }
        long format = number(root, "format");
        if (format != FORMAT) {
            throw bad("format " + format + " is not " + FORMAT);
        }
        Network network;
        try {
            network = Network.fromId(text(root, "network"));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        JsonNode fileNodes = root.get("files");
        if (fileNodes == null || !fileNodes.isArray() || fileNodes.isEmpty()) {
            throw bad("files is not a non-empty list");
        }
        List<SnapshotFile> files = new ArrayList<>();
        for (JsonNode file : fileNodes) {
            if (!file.isObject()) {
                throw bad("a files entry is not an object");
            }
            files.add(new SnapshotFile(text(file, "name"), number(file, "size"),
                    matching(file, "sha256", SHA256_HEX)));
        }
        return new SnapshotManifest(network, number(root, "round"), number(root, "height"),
                matching(root, "tip_hash", HASH160_HEX), number(root, "created"), text(root, "signer"),
                matching(root, "signer_key", PUBLIC_KEY_HEX), files);
    }

    private static long number(JsonNode parent, String field) throws SnapshotException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw bad(field + " is not a non-negative integer");
        }
        return node.asLong();
    }

    private static String text(JsonNode parent, String field) throws SnapshotException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw bad(field + " is not text");
        }
        return node.asText();
    }

    private static String matching(JsonNode parent, String field, Pattern pattern) throws SnapshotException {
        String value = text(parent, field);
        if (!pattern.matcher(value).matches()) {
            throw bad(field + " is not " + pattern.pattern());
        }
        return value;
    }

    private static SnapshotException bad(String detail) {
        return new SnapshotException(SnapshotFailure.BAD_MANIFEST, "manifest: " + detail);
    }
}
