package org.hn.node.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.hn.chain.block.PosBlock;
import org.hn.chain.store.ChainStore;
import org.hn.node.cli.HnRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery on a real devnet: a fifth registered hypernode started after the others completed a round catches up
 * and then forges, and a node killed with SIGKILL mid-round is restarted and agrees with the others again; the
 * rounds a node completed meanwhile are in its history ({@code hn rounds}), and a bootstrap archive of a running
 * node verifies and imports.
 */
class DevnetRecoveryTest {

    private static final List<String> JVM = List.of("-Xmx128m");
    private static final long POLL_MILLIS = 1000;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aLateNodeCatchesUpAndForgesAndAKilledNodeRejoins() throws Exception {
        try (Devnet devnet = Devnet.create(directory.resolve("devnet"), 5, 17400, Clock.systemUTC())) {
            List<DevnetNode> nodes = devnet.nodes();
            for (DevnetNode node : nodes.subList(0, 4)) {
                devnet.start(node, JVM);
            }
            waitFor(devnet, "the first four nodes complete a round", 5,
                    statuses -> nodes.subList(0, 4).stream().allMatch(node -> completed(statuses, node) >= 1));

            devnet.kill(nodes.get(1));
            devnet.start(nodes.get(4), JVM);
            devnet.start(nodes.get(1), JVM);

            waitFor(devnet, "the late node forges and every node agrees", 8,
                    statuses -> forged(statuses, nodes.get(4)) >= 1 && completed(statuses, nodes.get(1)) >= 1
                            && agree(devnet, statuses));

            try (ChainStore chain = ChainStore.openExisting(nodes.get(0).dir().resolve("chain.db"))) {
                long forgedByLateNode = 0;
                for (long height = 1; height <= chain.tip().height(); height++) {
                    PosBlock block = chain.block(height).orElseThrow();
                    if (block.forger().equals(nodes.get(4).address())) {
                        forgedByLateNode++;
                    }
                }
                assertTrue(forgedByLateNode >= 1, "node0's chain holds a block forged by the late node");
            }
            assertRoundHistory(nodes.get(0).dir());
            assertSnapshotOfRunningNode(nodes.get(0).dir(), directory.resolve("bootstrap"));
        }
    }

    /**
     * node0 completed its first round and then the round in which the late node forged: 'hn rounds --json' lists
     * both, and the last one holds blocks and messages.
     */
    private static void assertRoundHistory(Path dataDir) throws Exception {
        HnRun history = HnRun.of("rounds", "--data", dataDir.toString(), "--json");
        assertEquals(0, history.exit(), history.err());
        JsonNode rounds = new ObjectMapper().readTree(history.out()).get("rounds");
        assertTrue(rounds.size() >= 2, "two rounds at least: " + rounds);
        JsonNode last = rounds.get(rounds.size() - 1);
        assertTrue(last.get("blocks").asLong() >= 1 && last.get("messages").asLong() >= 1, rounds::toString);
        assertTrue(last.get("round").asLong() > rounds.get(0).get("round").asLong(), rounds::toString);
    }

    /**
     * A bootstrap archive of node0's chain taken while the node runs, cut after the first round that has blocks,
     * verifies and imports into an empty data directory with exactly that round's last block as its tip.
     */
    private static void assertSnapshotOfRunningNode(Path dataDir, Path work) throws Exception {
        long cutRound;
        PosBlock lastOfCut;
        try (ChainStore chain = ChainStore.openExisting(dataDir.resolve("chain.db"))) {
            cutRound = chain.block(1).orElseThrow().round();
            long height = 1;
            while (chain.block(height + 1).map(block -> block.round() == cutRound).orElse(false)) {
                height++;
            }
            lastOfCut = chain.block(height).orElseThrow();
        }
        Files.createDirectories(work);
        Path archive = work.resolve("node0.tar.gz");
        assertEquals(0, HnRun.of("bootstrap", "create", "--data", dataDir.toString(), "--out", archive.toString(),
                "--round", Long.toString(cutRound)).exit(), "create");
        HnRun verified = HnRun.of("bootstrap", "verify", archive.toString(), "--json");
        assertEquals(0, verified.exit(), verified.err());
        JsonNode manifest = new ObjectMapper().readTree(verified.out());
        assertEquals(lastOfCut.height(), manifest.get("height").asLong());
        assertEquals(lastOfCut.blockHashHex(), manifest.get("tip_hash").asText());
        Path fresh = work.resolve("fresh");
        Files.createDirectories(fresh);
        Files.writeString(fresh.resolve("hn.conf"), "NETWORK=devnet\n");
        HnRun imported = HnRun.of("bootstrap", "import", "--data", fresh.toString(), "--from", archive.toString());
        assertEquals(0, imported.exit(), imported.err());
        try (ChainStore chain = ChainStore.openExisting(fresh.resolve("chain.db"))) {
            assertEquals(lastOfCut.height(), chain.tip().height());
            assertEquals(lastOfCut.blockHashHex(), chain.tip().blockHashHex());
        }
    }

    private static long completed(List<Optional<JsonNode>> statuses, DevnetNode node) {
        return statuses.get(node.index()).map(status -> status.path("rounds_completed").asLong()).orElse(0L);
    }

    private static long forged(List<Optional<JsonNode>> statuses, DevnetNode node) {
        return statuses.get(node.index()).map(status -> status.path("forged_count").asLong()).orElse(0L);
    }

    private static boolean agree(Devnet devnet, List<Optional<JsonNode>> statuses) {
        return statuses.stream().allMatch(Optional::isPresent)
                && statuses.stream().map(status -> status.get().path("height").asLong() + "/"
                        + status.get().path("block_hash").asText()).distinct().count() == 1;
    }

    private static void waitFor(Devnet devnet, String what, long minutes, Predicate<List<Optional<JsonNode>>> done)
            throws Exception {
        long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(minutes);
        while (System.currentTimeMillis() < deadline) {
            devnet.appendPowBlocks();
            Optional<DevnetNode> exited = devnet.exitedNode();
            if (exited.isPresent()) {
                fail("node" + exited.get().index() + " exited; see " + exited.get().logFile());
            }
            List<Optional<JsonNode>> statuses = devnet.nodes().stream().map(devnet::status).toList();
            if (done.test(statuses)) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
        fail("timed out waiting until " + what + "; statuses: "
                + devnet.nodes().stream().map(devnet::status).toList());
    }
}
