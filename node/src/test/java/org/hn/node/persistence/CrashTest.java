package org.hn.node.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.PosBlock;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.RoundSignature;
import org.hn.chain.store.RoundSignatures;
import org.hn.chain.testing.TestChain;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at 30 random instants while a process digests blocks, replaces a round (round sync), rolls
 * back and records rounds: after each kill the database passes {@code PRAGMA integrity_check}, the chain
 * validates, every round signature matches its round's blocks, and the next run resumes from the tip
 * (DESIGN.md §6).
 */
class CrashTest {

    private static final int KILLS = 30;
    /** The most changes a run commits before its kill: a round is 11 changes. */
    private static final int MAX_CHANGES_PER_RUN = 24;

    @TempDir
    Path folder;

    private final Map<Long, String> validatedHashes = new HashMap<>();

    @Test
    void killsDuringDigestionAndRoundSyncLeaveAValidChain() throws Exception {
        Path file = folder.resolve("chain.db");
        Random random = new Random(20261123L);
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        String expectedTip = null;
        long committedChanges = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            // C1 only and a serial collector: a short-lived child starts writing sooner on a busy machine
            Process child = new ProcessBuilder(javaBinary.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), "-Dhn.testdata=" + System.getProperty("hn.testdata"),
                    CrashHarness.class.getName(), file.toString()).redirectErrorStream(true).start();
            int killAfter = 1 + random.nextInt(MAX_CHANGES_PER_RUN);
            String resumed = null;
            long reported = 0;
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (reported < killAfter && (line = output.readLine()) != null) {
                    if (line.startsWith("resumed ")) {
                        resumed = line.substring("resumed ".length());
                    } else if (line.startsWith("done ")) {
                        reported = Long.parseLong(line.substring("done ".length()));
                    }
                }
            } finally {
                // SIGKILL while the child is inside its next change: no shutdown hook, no close.
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed process did not end");
            }
            assertEquals(killAfter, reported, "run " + kill + " stopped before its kill");
            if (expectedTip != null) {
                assertEquals(expectedTip, resumed, "run " + kill + " resumes from the tip left by the kill");
            }
            committedChanges += reported;
            expectedTip = checkConsistent(file);
        }
        assertTrue(committedChanges >= KILLS);
        assertTrue(validatedHashes.size() > MAX_CHANGES_PER_RUN, "the chain grew across the runs");
    }

    /** @return "HEIGHT HASH" of the tip */
    private String checkConsistent(Path file) throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement()) {
            assertEquals("ok", single(statement, "PRAGMA integrity_check"));
            assertEquals(single(statement, "SELECT MAX(height) + 1 FROM pos_chain"),
                    single(statement, "SELECT COUNT(*) FROM pos_chain"), "heights are contiguous from 0");
            assertEquals("0", single(statement, "SELECT COUNT(*) FROM pos_chain c WHERE c.msg_count <>"
                    + " (SELECT COUNT(*) FROM pos_messages m WHERE m.block_height = c.height)"),
                    "blocks whose messages are not all stored");
            assertEquals("0", single(statement, "SELECT COUNT(*) FROM pos_chain c JOIN pos_chain p"
                    + " ON p.height = c.height - 1 WHERE c.previous_hash <> p.block_hash"), "broken hash links");
        }
        try (ChainStore store = ChainStore.openExisting(file)) {
            PosBlock tip = store.tip();
            BlockValidator validator = new BlockValidator(CrashHarness.ID, (round, slot) -> Optional.empty(),
                    HistoricalExemptions.NONE, new BlockBans(BlockBans.DEFAULT_TTL_SECONDS),
                    BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
            long now = System.currentTimeMillis() / 1000;
            PosBlock previous = store.block(0).orElseThrow();
            for (long height = 1; height <= tip.height(); height++) {
                PosBlock block = store.block(height).orElseThrow();
                if (!block.blockHashHex().equals(validatedHashes.get(height))) {
                    validator.validateHistorical(block, previous, now);
                    validatedHashes.put(height, block.blockHashHex());
                }
                previous = block;
            }
            for (long round = 1; round <= tip.round(); round++) {
                for (RoundSignature signature : store.roundSignatures(round)) {
                    assertTrue(RoundSignatures.verify(store.blocksOfRound(round), signature,
                            TestChain.key(0).publicKey(), CrashHarness.ID), "round " + round + "'s signature");
                }
            }
            return tip.height() + " " + tip.blockHashHex();
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
