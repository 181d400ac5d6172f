package org.hn.node.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.testing.TestClock;
import org.hn.config.Network;
import org.hn.config.settings.Settings;
import org.hn.node.devnet.Devnet;
import org.hn.node.devnet.DevnetNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four in-process devnet nodes on loopback sockets, driven by one test clock: a round with the network whole,
 * a round split into {0, 1} and {2, 3} (each side forges its own blocks, which {@code MINIMUM_CONNECTIVITY=1}
 * allows), then the split heals in the round's last slot, where no one forges, and every node ends on the branch
 * the chain-choice rule prefers ({@code spec/chain.md §10.1} step 4, §10.3).
 *
 * <p>Real sockets need real time: each step advances the clock by {@link #STEP}, runs the iterations, then gives
 * the nodes' event loops {@link #STEP_WALL_MILLIS} of real time, so the clock runs at most ten times faster than
 * real time, slower on a busy machine. A devnet round is 120 s of clock: about 12 s here.
 */
class PartitionHealTest {

    private static final Network NETWORK = Network.DEVNET;
    private static final int BASE_PORT = 18010;
    private static final long FIRST_ROUND = NETWORK.roundAt(1_700_000_000L) + 1;
    private static final Duration STEP = Duration.ofMillis(200);
    private static final long STEP_WALL_MILLIS = 20;
    /** How often outbound workers look whether an exchange is due: once per step. */
    private static final Duration EXCHANGE_CHECK = Duration.ofMillis(STEP_WALL_MILLIS);

    @TempDir
    Path directory;

    private final TestClock clock = new TestClock(NETWORK.roundStart(FIRST_ROUND) + 1);
    private volatile boolean split;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aTwoTwoSplitForARoundHealsOntoTheBranchTheChainChoiceRulePrefers() throws Exception {
        long splitRound = FIRST_ROUND + 1;
        long lastSlotStart = NETWORK.roundStart(splitRound) + (long) (Network.SLOTS_PER_ROUND - 1)
                * NETWORK.slotSeconds();
        try (Devnet devnet = Devnet.create(directory.resolve("devnet"), 4, BASE_PORT, clock)) {
            List<DevnetNode> nodes = devnet.nodes();
            List<NodeDaemon> daemons = new ArrayList<>();
            try {
                for (DevnetNode node : nodes) {
                    Set<String> otherSide = otherSide(nodes, node.index());
                    Settings settings = Settings.load(node.dir().resolve(Settings.OPERATOR_FILE), Map.of(),
                            Map.of("MINIMUM_CONNECTIVITY", "1"));
                    daemons.add(NodeDaemon.open(node.dir(), settings, clock, new NodeDaemon.Wiring(
                            peers -> new SplitPeers(peers, () -> split ? otherSide : Set.of()), EXCHANGE_CHECK)));
                }

                run(devnet, daemons, NETWORK.roundStart(splitRound) - 1, () -> false);
                HeightStatus whole = daemons.get(0).chain().heightStatus();
                assertTrue(whole.height() > 0 && whole.round() == FIRST_ROUND, "the whole network forged: " + whole);
                assertEquals(1, tips(daemons).size(), "the whole network agrees before the split");

                split = true;
                run(devnet, daemons, lastSlotStart + 1, () -> false);
                HeightStatus left = daemons.get(0).chain().heightStatus();
                HeightStatus right = daemons.get(2).chain().heightStatus();
                assertEquals(left, daemons.get(1).chain().heightStatus(), "nodes 0 and 1 agree");
                assertEquals(right, daemons.get(3).chain().heightStatus(), "nodes 2 and 3 agree");
                assertEquals(splitRound, left.round(), "side {0, 1} forged in the split round");
                assertEquals(splitRound, right.round(), "side {2, 3} forged in the split round");
                assertNotEquals(left.blockHash(), right.blockHash());
                HeightStatus preferred = BY_CHAIN_CHOICE.compare(left, right) > 0 ? left : right;
                List<String> preferredRound = hashesOfRound(preferred == left ? daemons.get(0) : daemons.get(2),
                        splitRound);

                split = false;
                run(devnet, daemons, NETWORK.roundStart(splitRound + 1) - 1, () -> tips(daemons).size() == 1);
                for (NodeDaemon daemon : daemons) {
                    HeightStatus tip = daemon.chain().heightStatus();
                    assertEquals(preferred.height(), tip.height());
                    assertEquals(preferred.blockHash(), tip.blockHash());
                    assertEquals(preferredRound, hashesOfRound(daemon, splitRound));
                }
            } finally {
                daemons.forEach(NodeDaemon::close);
            }
        }
    }

    /**
     * The ranking of {@code spec/chain.md §10.1} step 4, written out from the spec: the greater of forgers, then
     * uniques, round, height, forgers of the round, uniques of the round, then the hex hash is preferred.
     */
    private static final Comparator<HeightStatus> BY_CHAIN_CHOICE = (a, b) -> {
        long[] first = {a.forgers(), a.uniques(), a.round(), a.height(), a.forgersRound(), a.uniquesRound()};
        long[] second = {b.forgers(), b.uniques(), b.round(), b.height(), b.forgersRound(), b.uniquesRound()};
        for (int i = 0; i < first.length; i++) {
            if (first[i] != second[i]) {
                return Long.compare(first[i], second[i]);
            }
        }
        return a.blockHash().compareTo(b.blockHash());
    };

    private static Set<String> otherSide(List<DevnetNode> nodes, int index) {
        boolean left = index < 2;
        return Set.copyOf(nodes.stream().filter(node -> node.index() < 2 != left).map(DevnetNode::ip).toList());
    }

    private static List<String> hashesOfRound(NodeDaemon daemon, long round) throws Exception {
        return daemon.chain().blocksOfRound(round).stream().map(PosBlock::blockHashHex).toList();
    }

    private static Set<String> tips(List<NodeDaemon> daemons) throws Exception {
        List<String> tips = new ArrayList<>();
        for (NodeDaemon daemon : daemons) {
            HeightStatus tip = daemon.chain().heightStatus();
            tips.add(tip.height() + " " + tip.blockHash());
        }
        return Set.copyOf(tips);
    }

    /**
     * Advances the clock step by step, appending the devnet's PoW blocks and running one manager iteration of
     * every node per step, until the clock reaches {@code untilSeconds} or {@code done} holds.
     */
    private void run(Devnet devnet, List<NodeDaemon> daemons, long untilSeconds, Condition done)
            throws Exception {
        while (clock.millis() / 1000 < untilSeconds && !done.holds()) {
            clock.advance(STEP);
            devnet.appendPowBlocks();
            for (NodeDaemon daemon : daemons) {
                daemon.tick();
            }
            Thread.sleep(STEP_WALL_MILLIS);
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }
}
