package org.hn.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hn.chain.address.Address;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.message.PosMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Block hash of a block with 0, 100 or 3000 transactions: building the hash buffer (16 + 64·n + 20 bytes)
 * and its BLAKE2b-160 ({@code spec/chain.md §5.2}), which a node does for every block it forges or receives.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlockHashBenchmark {

    private static final long TIMESTAMP = 1_700_000_000L;
    private static final int TXID_LENGTH = 64;

    @Param({"0", "100", "3000"})
    public int txCount;

    private PosBlock block;

    /**
     * Only the txids enter the hash buffer, so the transactions carry distinct made-up txids instead of
     * thousands of real signatures that would only slow the setup.
     */
    @Setup
    public void setUp() {
        PrivateKey forgerKey = BenchKey.create();
        String forger = Address.fromPublicKey(forgerKey.publicKey(), BenchKey.MAINNET);
        byte[] pubkey = forgerKey.publicKey().toBytes();
        List<PosMessage> txs = new ArrayList<>(txCount);
        for (int position = 0; position < txCount; position++) {
            byte[] txid = ByteBuffer.allocate(TXID_LENGTH).putInt(0, position).putInt(TXID_LENGTH - 4, ~position)
                    .array();
            txs.add(new PosMessage(txid, 0, TIMESTAMP + position, forger, forger, 0, "", 0, pubkey, 0));
        }
        block = PosBlock.forge(forgerKey, BenchKey.MAINNET, 1, 47_000, 3, TIMESTAMP + txCount,
                new byte[PosBlock.HASH_LENGTH], txs);
        if (block.hashBuffer().length != 16 + TXID_LENGTH * txCount + PosBlock.HASH_LENGTH) {
            throw new IllegalStateException("unexpected block shape for " + txCount + " txs");
        }
    }

    @Benchmark
    public byte[] computeHash() {
        return block.computeHash();
    }
}
