package org.hn.bench;

import java.util.concurrent.TimeUnit;
import org.hn.chain.address.Address;
import org.hn.chain.crypto.InvalidKeyException;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.crypto.PublicKey;
import org.hn.chain.crypto.Signature;
import org.hn.chain.message.InvalidMessageException;
import org.hn.chain.message.MessageVerifier;
import org.hn.chain.message.PosMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One PoS message, single-threaded: signing it, verifying it fully as {@code hn verify-messages} does
 * (strict addresses, pubkey → sender, signature; {@code spec/chain.md §4.4}) or as block validation does
 * (quick address check), and the ECDSA/SHA-1 signature check alone, to show how much of the full check is the curve arithmetic.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MessageBenchmark {

    /** A {@code START} message as a node sends at start-up (what 202, §4.3), at a fixed time. */
    private static final long TIMESTAMP = 1_700_000_000L;
    private static final long WHAT_START = 202;
    private static final long ROUND = 47_000;

    private PrivateKey key;
    private String address;
    private PosMessage message;
    private MessageVerifier verifier;
    private MessageVerifier historicalVerifier;
    private PublicKey publicKey;
    private byte[] signedBuffer;
    private Signature signature;

    @Setup
    public void setUp() throws InvalidMessageException, InvalidKeyException {
        key = BenchKey.create();
        address = Address.fromPublicKey(key.publicKey(), BenchKey.MAINNET);
        message = PosMessage.sign(key, BenchKey.MAINNET, TIMESTAMP, address, WHAT_START, "START", ROUND);
        verifier = new MessageVerifier(BenchKey.MAINNET, MessageVerifier.AddressPolicy.STRICT);
        verifier.verify(message, TIMESTAMP);
        historicalVerifier = new MessageVerifier(BenchKey.MAINNET, MessageVerifier.AddressPolicy.HISTORICAL);
        publicKey = PublicKey.fromBytes(message.pubkey());
        signedBuffer = message.signedBuffer();
        signature = Signature.fromBytes(message.txid());
    }

    @Benchmark
    public PosMessage signMessage() throws InvalidMessageException {
        return PosMessage.sign(key, BenchKey.MAINNET, TIMESTAMP, address, WHAT_START, "START", ROUND);
    }

    /** Returns the message so the JIT cannot drop a verification that ends without a result. */
    @Benchmark
    public PosMessage verifyMessage() throws InvalidMessageException {
        verifier.verify(message, TIMESTAMP);
        return message;
    }

    /** As {@link #verifyMessage} with the quick address check that block validation applies to history. */
    @Benchmark
    public PosMessage verifyHistoricalMessage() throws InvalidMessageException {
        historicalVerifier.verify(message, TIMESTAMP);
        return message;
    }

    @Benchmark
    public boolean verifySignatureOnly() {
        return publicKey.verify(signedBuffer, signature);
    }
}
