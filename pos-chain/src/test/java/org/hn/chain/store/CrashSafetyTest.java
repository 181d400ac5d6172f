package org.hn.chain.store;

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
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.hn.chain.block.PosBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of a process in the middle of appending leaves a whole, consistent chain (DESIGN.md §6). */
class CrashSafetyTest {

    private static final int KILL_AFTER_HEIGHT = 40;

    @TempDir
    Path folder;

    @Test
    void aKilledWriterLeavesAConsistentChain() throws Exception {
        Path file = folder.resolve("chain.db");
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(javaBinary.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dhn.testdata=" + System.getProperty("hn.testdata"), AppendUntilKilled.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        long lastReported = -1;
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (lastReported < KILL_AFTER_HEIGHT && (line = output.readLine()) != null) {
                if (line.startsWith("appended ")) {
                    lastReported = Long.parseLong(line.substring("appended ".length()));
                }
            }
        } finally {
            // SIGKILL while the child is in the middle of its next blocks: no shutdown hook, no close.
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed process did not end");
        }
        assertEquals(KILL_AFTER_HEIGHT, lastReported, "the child stopped before being killed");

        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement()) {
            try (ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
                check.next();
                assertEquals("ok", check.getString(1));
            }
            try (ResultSet gaps = statement.executeQuery("SELECT COUNT(*), MAX(height) FROM pos_chain")) {
                gaps.next();
                assertEquals(gaps.getLong(2) + 1, gaps.getLong(1), "heights are contiguous from 0");
            }
            try (ResultSet partial = statement.executeQuery("SELECT COUNT(*) FROM pos_chain c WHERE c.msg_count <>"
                    + " (SELECT COUNT(*) FROM pos_messages m WHERE m.block_height = c.height)")) {
                partial.next();
                assertEquals(0, partial.getLong(1), "blocks whose messages are not all stored");
            }
        }
        try (ChainStore store = ChainStore.open(file)) {
            PosBlock tip = store.tip();
            assertTrue(tip.height() >= KILL_AFTER_HEIGHT, "committed blocks survive: tip " + tip.height());
            assertEquals(tip.height(), store.heightStatus().height());
            for (long height = 1; height <= tip.height(); height++) {
                PosBlock block = store.block(height).orElseThrow();
                assertEquals(4, block.txs().size());
                assertEquals(store.block(height - 1).orElseThrow().blockHashHex(),
                        HexFormat.of().formatHex(block.previousHash()));
            }
        }
    }
}
