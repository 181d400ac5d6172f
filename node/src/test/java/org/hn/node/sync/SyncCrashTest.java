package org.hn.node.sync;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.chain.validation.BlockValidator;
import org.hn.chain.validation.HistoricalExemptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at 30 random instants of a node's chain digestion ({@link SyncCrashChild}: catch-up, competing
 * blocks, round sync) against a peer serving a 240-block chain. After each kill the database passes
 * {@code PRAGMA integrity_check}, every block validates as a historical block after its predecessor (hash link
 * and signatures), the part of our chain that is the peer's never shrinks, and the next run resumes from the
 * tip the kill left; a last run digests to the peer's tip (DESIGN.md §6).
 */
class SyncCrashTest {

    private static final int KILLS = 30;
    private static final long SEED = 20261123L;
    private static final int ROUNDS = 60;
    private static final int BLOCKS_PER_ROUND = 4;
    /** The most progress lines a run prints before its kill; a pass over one round prints about eight. */
    private static final int MAX_STEPS_PER_RUN = 12;

    @TempDir
    Path folder;

    private final Set<String> validatedHashes = new HashSet<>();
    private final BlockValidator validator = new BlockValidator(TestChain.MAINNET, (round, slot) -> Optional.empty(),
            HistoricalExemptions.NONE, new BlockBans(BlockBans.DEFAULT_TTL_SECONDS),
            BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);

    /** A timestamp for message {@code index} of slot {@code sir} of {@code round}: before the slot's block. */
    static long messageTime(long round, int sir, int index) {
        return Genesis.TIMESTAMP + round * 3600 + sir * 180L - 1 - index;
    }

    @Test
    void killsDuringDigestionAndRoundSyncLeaveAValidChainThatReachesThePeersTip() throws Exception {
        Path peerFile = folder.resolve("peer.db");
        List<PosBlock> peerChain = peerChain(peerFile);
        Path file = folder.resolve("ours.db");
        System.out.println("SyncCrashTest seed " + SEED);
        Random random = new Random(SEED);
        String expectedTip = "0 " + Genesis.mainnet().blockHashHex();
        long agreed = 0;
        int killedWithCompetingBlocks = 0;
        int killedMidRound = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = start(file, peerFile);
            int killAfter = 1 + random.nextInt(MAX_STEPS_PER_RUN);
            int steps = 0;
            String resumed = null;
            StringBuilder other = new StringBuilder();
            try (BufferedReader output = reader(child)) {
                String line;
                while (steps < killAfter && (line = output.readLine()) != null) {
                    if (line.startsWith("resumed ")) {
                        resumed = line.substring("resumed ".length());
                    } else if (line.equals("step")) {
                        steps++;
                    } else if (line.startsWith("failed ") || line.startsWith("synced ")) {
                        throw new AssertionError("run " + kill + " ended before its kill: " + line);
                    } else {
                        other.append(line).append('\n');
                    }
                }
            } finally {
                // SIGKILL while the child digests what the peer just answered: no shutdown hook, no close.
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed process did not end");
            }
            assertEquals(killAfter, steps, "run " + kill + " stopped before its kill:\n" + other);
            assertEquals(expectedTip, resumed, "run " + kill + " resumes from the tip the previous kill left");
            Digested digested = checkConsistent(file, peerChain);
            assertTrue(digested.agreed() >= agreed, "run " + kill + " lost blocks of the peer's chain: " + agreed
                    + " → " + digested.agreed());
            agreed = digested.agreed();
            if (digested.tip() > digested.agreed()) {
                killedWithCompetingBlocks++;
            } else if (digested.tip() % BLOCKS_PER_ROUND != 0) {
                killedMidRound++;
            }
            expectedTip = digested.tip() + " " + digested.tipHash();
        }
        System.out.println("SyncCrashTest: " + agreed + " blocks of the peer's chain held after the kills; "
                + killedWithCompetingBlocks + " kills left competing blocks on top (before or inside a round sync), "
                + killedMidRound + " left a partial round (inside a catch-up or a round sync's append)");
        assertTrue(killedWithCompetingBlocks + killedMidRound >= KILLS / 4, "too few kills landed inside a sync");

        Process last = start(file, peerFile);
        String synced = null;
        try (BufferedReader output = reader(last)) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("synced ") || line.startsWith("failed ")) {
                    synced = line;
                }
            }
        }
        assertTrue(last.waitFor(60, TimeUnit.SECONDS), "the last run did not end");
        assertEquals(0, last.exitValue(), String.valueOf(synced));
        PosBlock peerTip = peerChain.get(peerChain.size() - 1);
        assertEquals("synced " + peerTip.height() + " " + peerTip.blockHashHex(), synced);
        assertEquals(new Digested(peerTip.height(), peerTip.blockHashHex(), peerTip.height()),
                checkConsistent(file, peerChain));
    }

    /** The peer's chain: ROUNDS rounds of 4 blocks forged by test keys 0–3, 4 messages each (the fewest a block holds); stored in a file. */
    private static List<PosBlock> peerChain(Path peerFile) throws Exception {
        List<PosBlock> blocks = new ArrayList<>();
        PosBlock previous = Genesis.mainnet();
        for (long round = 1; round <= ROUNDS; round++) {
            for (int sir = 1; sir <= BLOCKS_PER_ROUND; sir++) {
                List<PosMessage> txs = new ArrayList<>();
                for (int index = 0; index < 4; index++) {
                    txs.add(TestChain.tx(messageTime(round, sir, index), index, index + 1, 202, "TEST", round));
                }
                previous = TestChain.forge(previous, (int) ((round + sir) % 4), round, sir, txs);
                blocks.add(previous);
            }
        }
        try (ChainStore peer = ChainStore.open(peerFile)) {
            peer.appendAll(blocks);
        }
        List<PosBlock> chain = new ArrayList<>();
        chain.add(Genesis.mainnet());
        chain.addAll(blocks);
        return chain;
    }

    private static Process start(Path file, Path peerFile) throws Exception {
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        // C1 only and a serial collector: a short-lived child starts digesting sooner on a busy machine
        return new ProcessBuilder(javaBinary.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "-Dhn.testdata=" + System.getProperty("hn.testdata"),
                SyncCrashChild.class.getName(), file.toString(), peerFile.toString())
                .redirectErrorStream(true).start();
    }

    private static BufferedReader reader(Process child) {
        return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * @param tip     our tip's height
     * @param tipHash our tip's hash, hex
     * @param agreed  the height through which our chain is the peer's
     */
    private record Digested(long tip, String tipHash, long agreed) {
    }

    /** Checks the database and the chain it holds. */
    private Digested checkConsistent(Path file, List<PosBlock> peerChain) throws Exception {
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
        long now = System.currentTimeMillis() / 1000;
        long agreed = 0;
        try (ChainStore store = ChainStore.openExisting(file)) {
            PosBlock tip = store.tip();
            PosBlock previous = store.block(0).orElseThrow();
            assertEquals(Genesis.mainnet().blockHashHex(), previous.blockHashHex());
            boolean samePrefix = true;
            for (long height = 1; height <= tip.height(); height++) {
                PosBlock block = store.block(height).orElseThrow();
                if (validatedHashes.add(previous.blockHashHex() + " " + block.blockHashHex())) {
                    // hash link, block signature and every message signature
                    validator.validateHistorical(block, previous, now);
                }
                samePrefix = samePrefix && height < peerChain.size()
                        && Arrays.equals(block.blockHash(), peerChain.get((int) height).blockHash());
                if (samePrefix) {
                    agreed = height;
                }
                previous = block;
            }
            return new Digested(tip.height(), tip.blockHashHex(), agreed);
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
