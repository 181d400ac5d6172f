package org.hn.node.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hn.chain.store.ChainStore;
import org.hn.node.cli.HnRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end: real node processes on loopback forge one round and agree on the tip. */
class DevnetCommandTest {

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void threeNodesForgeARoundAndAgree() throws Exception {
        Path dir = directory.resolve("devnet");

        HnRun devnet = HnRun.of("devnet", "--nodes", "3", "--rounds", "1", "--dir", dir.toString(),
                "--base-port", "17300");

        assertEquals(0, devnet.exit(), () -> devnet.err() + "\n" + devnet.out());
        JsonNode summary = new ObjectMapper().readTree(devnet.lastOutLine());
        assertEquals(3, summary.get("nodes").size());
        Set<String> tips = new HashSet<>();
        for (JsonNode node : summary.get("nodes")) {
            tips.add(node.get("height").asLong() + "/" + node.get("block_hash").asText());
            assertEquals(summary.get("round").asLong(), node.get("round").asLong());
        }
        assertEquals(1, tips.size(), "every node reports the same height and block hash: " + tips);
        long height = summary.at("/nodes/0/height").asLong();
        assertTrue(height >= 1, "at least one block was forged");
        try (ChainStore chain = ChainStore.openExisting(dir.resolve("node0").resolve("chain.db"))) {
            // the status is rewritten every 2 s, so a block may have been stored after the last one was read
            assertEquals(summary.at("/nodes/0/block_hash").asText(), chain.block(height).orElseThrow().blockHashHex(),
                    "the reported tip is a block of the stored chain");
            assertTrue(Files.exists(dir.resolve("node0").resolve("status.json")));
        }
    }
}
