package org.hn.chain.store;

import static org.hn.chain.testing.TestChain.forge;
import static org.hn.chain.testing.TestChain.tx;

import java.nio.file.Path;
import java.util.List;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;

/**
 * The process {@link CrashSafetyTest} kills: appends blocks of four messages to the store given as the only
 * argument, printing "appended HEIGHT" after each commit, until it is killed.
 */
public final class AppendUntilKilled {

    private AppendUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        try (ChainStore store = ChainStore.open(Path.of(args[0]))) {
            PosBlock previous = store.tip();
            while (true) {
                long height = previous.height() + 1;
                long round = 1 + height / 19;
                int sir = (int) (height % 19);
                long timestamp = Genesis.TIMESTAMP + height;
                PosBlock block = forge(previous, (int) (height % 5), round, sir, List.of(
                        tx(timestamp, 0, 1, 0, "", height), tx(timestamp, 1, 2, 0, "", height),
                        tx(timestamp, 2, 3, 0, "", height), tx(timestamp, 3, 4, 0, "", height)));
                store.append(block);
                System.out.println("appended " + height);
                System.out.flush();
                previous = block;
            }
        }
    }
}
