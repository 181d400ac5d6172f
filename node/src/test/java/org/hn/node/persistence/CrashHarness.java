package org.hn.node.persistence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hn.chain.address.Address;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.message.PosMessage;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.RoundRecord;
import org.hn.chain.store.RoundSignatures;
import org.hn.chain.store.RoundStats;
import org.hn.chain.testing.TestChain;
import org.hn.config.Network;

/**
 * The process {@link CrashTest} kills: writes a devnet chain the way a node does, round after round, until
 * killed. Per round: the round record; five blocks digested one at a time; a round sync replacing the last three
 * (rollback, then the peer's blocks in one transaction); a catch-up rollback of the tip and its re-append; the
 * round's stats with our signature (test key 0 forges slot 0). Prints {@code resumed HEIGHT HASH} at start, then
 * {@code done N} after each committed change.
 */
public final class CrashHarness {

    static final Network NETWORK = Network.DEVNET;
    static final byte ID = NETWORK.networkId();
    private static final int BLOCKS_PER_ROUND = 5;
    private static final int REPLACED = 3;

    private final ChainStore store;
    private long done;

    private CrashHarness(ChainStore store) {
        this.store = store;
    }

    public static void main(String[] args) throws Exception {
        try (ChainStore store = ChainStore.open(Path.of(args[0]), Genesis.of(NETWORK))) {
            PosBlock tip = store.tip();
            System.out.println("resumed " + tip.height() + " " + tip.blockHashHex());
            System.out.flush();
            CrashHarness harness = new CrashHarness(store);
            for (long round = tip.round() + 1; ; round++) {
                harness.playRound(round);
            }
        }
    }

    private void playRound(long round) throws Exception {
        store.saveRound(new RoundRecord(round, "[\"" + address(0) + "\"]", "[]", "[]"));
        committed();
        for (int sir = 0; sir < BLOCKS_PER_ROUND; sir++) {
            store.append(next(store.tip(), round, sir, sir % 4, 0));
            committed();
        }
        // round sync: the peer's round differs from the third block on
        long keepThrough = store.tip().height() - REPLACED;
        store.rollbackTo(keepThrough);
        committed();
        List<PosBlock> replacement = new ArrayList<>();
        PosBlock previous = store.tip();
        for (int i = 0; i < REPLACED; i++) {
            int sir = BLOCKS_PER_ROUND - REPLACED + i;
            previous = next(previous, round, sir, 1 + (sir % 3), 1);
            replacement.add(previous);
        }
        store.appendAll(replacement);
        committed();
        // catch-up: the tip is rolled back and fetched again
        PosBlock top = store.tip();
        store.rollbackTo(top.height() - 1);
        committed();
        store.append(top);
        committed();
        List<PosBlock> blocks = store.blocksOfRound(round);
        store.saveRoundEnd(new RoundStats(round, done, done, round, round, done, 1, "{}", "{}"),
                Optional.of(RoundSignatures.sign(round, blocks, TestChain.key(0), ID)));
        committed();
    }

    private void committed() {
        System.out.println("done " + ++done);
        System.out.flush();
    }

    static String address(int key) {
        return Address.fromPublicKey(TestChain.key(key).publicKey(), ID);
    }

    /** A block of four messages from keys 0–3, unique in the chain through its height and variant. */
    private static PosBlock next(PosBlock previous, long round, int sir, int forger, int variant) throws Exception {
        long height = previous.height() + 1;
        long timestamp = NETWORK.roundStart(round) + sir * (long) NETWORK.slotSeconds() + 1;
        List<PosMessage> txs = new ArrayList<>();
        for (int sender = 0; sender < 4; sender++) {
            txs.add(PosMessage.sign(TestChain.key(sender), ID, timestamp - 1, address((sender + 1) % 4), 0, "",
                    height * 10 + variant));
        }
        return PosBlock.forge(TestChain.key(forger), ID, height, round, sir, timestamp, previous.blockHash(), txs);
    }
}
