package org.hn.node.supervise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.hn.config.Network;

/**
 * What the watchdog needs from the node's status file ({@code <data>/status.json}, rewritten every few seconds
 * by the daemon, see {@code org.hn.node.service.StatusFile}): when it was written and who forges the slot it
 * was written in.
 *
 * @param statusTime unix seconds at which the node took the snapshot ({@code instance.statustime})
 * @param network    the node's network ({@code hn.network})
 * @param address    the node's own PoS address ({@code config.address})
 * @param round      the round at {@code statusTime} ({@code state.round})
 * @param slot       the slot in that round at {@code statusTime} ({@code state.sir})
 * @param forger     the juror forging that slot, empty if none ({@code state.forger})
 */
public record Heartbeat(long statusTime, Network network, String address, long round, int slot,
                        Optional<String> forger) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** True if the node's last status says it forges the slot it was in. */
    public boolean forgesOwnSlot() {
        return forger.filter(address::equals).isPresent();
    }

    /**
     * Reads the status file.
     *
     * @return empty if there is no status file
     * @throws IOException if the file cannot be read or lacks a field above (the message names it)
     */
    public static Optional<Heartbeat> read(Path statusFile) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(statusFile);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        JsonNode status;
        try {
            status = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IOException(statusFile + " is not JSON: " + e.getMessage(), e);
        }
        try {
            JsonNode forger = status.path("state").path("forger");
            return Optional.of(new Heartbeat(
                    required(status, "instance", "statustime").asLong(),
                    Network.fromId(required(status, "hn", "network").asText()),
                    required(status, "config", "address").asText(),
                    required(status, "state", "round").asLong(),
                    required(status, "state", "sir").asInt(),
                    forger.isTextual() ? Optional.of(forger.asText()) : Optional.empty()));
        } catch (IllegalArgumentException e) {
            throw new IOException(statusFile + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode status, String section, String field) {
        JsonNode value = status.path(section).path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalArgumentException("no " + section + "." + field);
        }
        return value;
    }
}
