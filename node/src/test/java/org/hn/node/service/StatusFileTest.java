package org.hn.node.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hn.node.round.DriverFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileTest {

    @TempDir
    Path directory;

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(Path::getFileName).sorted().toList();
        }
    }

    @Test
    void eachWriteReplacesTheWholeFileAndLeavesNoTemporaryFile() throws Exception {
        Path folder = Files.createDirectory(directory.resolve("data"));
        StatusFile file = new StatusFile(folder.resolve("status.json"));
        file.write("{\"hn\": {\"height\": 1}}");
        assertEquals("{\"hn\": {\"height\": 1}}\n", Files.readString(folder.resolve("status.json")));
        file.write("{}");
        assertEquals("{}\n", Files.readString(folder.resolve("status.json"), StandardCharsets.UTF_8));
        assertEquals(List.of(Path.of("status.json")), filesIn(folder));
    }

    @Test
    void aMissingFolderIsAnIOException() {
        StatusFile file = new StatusFile(directory.resolve("missing").resolve("status.json"));
        assertThrows(IOException.class, () -> file.write("{}"));
    }

    @Test
    void theNodesRefreshedStatusIsWrittenAndReadBack() throws Exception {
        try (ServicesNode node = new ServicesNode(directory)) {
            Path status = directory.resolve("status.json");
            new StatusFile(status).write(node.services.refresh());
            JsonNode read = new ObjectMapper().readTree(status.toFile());
            assertEquals(DriverFixture.ROUND_START + 1, read.at("/instance/statustime").asLong());
            assertEquals(3, read.at("/hn/height").asLong());
            assertEquals(node.blocks.get(3).blockHashHex(), read.at("/hn/block_hash").asText());
            assertEquals("SYNCING", read.at("/hn/state").asText());
            assertEquals(DriverFixture.ROUND, read.at("/hn/round").asLong());
        }
    }
}
