package org.hn.chain.block;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hn.chain.address.Address;
import org.hn.chain.crypto.Blake2b;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.message.PosMessage;

/**
 * A PoS block as the reference stores and sends it ({@code spec/chain.md §5.1}).
 *
 * <p>Binary fields are kept as received, whatever their length, so a malformed block can be judged by
 * {@code BlockValidator} with a reason. The transactions are in block order, which is authoritative
 * (§5.3): never re-sort them.
 *
 * @param height         0 for genesis, +1 per block
 * @param round          round of the forging slot
 * @param sir            slot in round, 0–18
 * @param timestamp      forging time, unix seconds
 * @param previousHash   block hash of height − 1 (20 bytes)
 * @param msgCount       number of transactions as claimed by the forger
 * @param uniquesSources number of distinct transaction senders as claimed by the forger
 * @param signature      forger's signature r ‖ s over the hash buffer (64 bytes)
 * @param blockHash      BLAKE2b-160 of the hash buffer (20 bytes)
 * @param receivedBy     local only: who sent it to us; "" for own blocks
 * @param forger         forger's PoS address
 * @param txs            the transactions in block order, each with {@code blockHeight == height}
 */
public record PosBlock(
        long height,
        long round,
        int sir,
        long timestamp,
        byte[] previousHash,
        int msgCount,
        int uniquesSources,
        byte[] signature,
        byte[] blockHash,
        String receivedBy,
        String forger,
        List<PosMessage> txs) {

    /** Length of a block hash in bytes. */
    public static final int HASH_LENGTH = 20;
    private static final int HEADER_LENGTH = 16;
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    public PosBlock {
        previousHash = previousHash.clone();
        signature = signature.clone();
        blockHash = blockHash.clone();
        Objects.requireNonNull(receivedBy, "receivedBy");
        Objects.requireNonNull(forger, "forger");
        txs = List.copyOf(txs);
    }

    /**
     * Forges a block: every transaction gets {@code blockHeight = height}, {@code msgCount} and
     * {@code uniquesSources} are counted, the hash and signature computed over the hash buffer (§5.2).
     *
     * @param txs transactions in their final block order (the forger's stable sort by timestamp, §5.3)
     * @throws IllegalArgumentException when a header field is outside the unsigned 32-bit range
     */
    public static PosBlock forge(PrivateKey forgerKey, byte networkId, long height, long round, int sir,
                                 long timestamp, byte[] previousHash, List<PosMessage> txs) {
        List<PosMessage> stored = txs.stream().map(tx -> tx.atHeight(height)).toList();
        Set<String> senders = new HashSet<>();
        stored.forEach(tx -> senders.add(tx.sender()));
        byte[] buffer = hashBuffer(height, round, sir, timestamp, stored, previousHash);
        return new PosBlock(height, round, sir, timestamp, previousHash, stored.size(), senders.size(),
                forgerKey.sign(buffer).toBytes(), Blake2b.hash160(buffer), "",
                Address.fromPublicKey(forgerKey.publicKey(), networkId), stored);
    }

    /**
     * The buffer that is hashed and signed: height, round, sir, timestamp (4 bytes BE each) ‖ the txids in
     * block order ‖ previous hash; {@code 16 + 64·n + 20} bytes for well-formed txids ({@code spec/chain.md §5.2}).
     *
     * @throws IllegalArgumentException when a header field is outside the unsigned 32-bit range
     */
    public byte[] hashBuffer() {
        return hashBuffer(height, round, sir, timestamp, txs, previousHash);
    }

    private static byte[] hashBuffer(long height, long round, int sir, long timestamp, List<PosMessage> txs,
                                     byte[] previousHash) {
        requireUint32("height", height);
        requireUint32("round", round);
        requireUint32("sir", sir);
        requireUint32("timestamp", timestamp);
        List<byte[]> txids = txs.stream().map(PosMessage::txid).toList();
        int length = HEADER_LENGTH + previousHash.length;
        for (byte[] txid : txids) {
            length += txid.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        buffer.putInt((int) height).putInt((int) round).putInt(sir).putInt((int) timestamp);
        for (byte[] txid : txids) {
            buffer.put(txid);
        }
        return buffer.put(previousHash).array();
    }

    private static void requireUint32(String field, long number) {
        if (number < 0 || number > UINT32_MAX) {
            throw new IllegalArgumentException(field + " " + number + " is outside the unsigned 32-bit range");
        }
    }

    /** Whether every header field fits the unsigned 32-bit encoding of the hash buffer. */
    public boolean hasEncodableHeader() {
        return height >= 0 && height <= UINT32_MAX && round >= 0 && round <= UINT32_MAX
                && sir >= 0 && timestamp >= 0 && timestamp <= UINT32_MAX;
    }

    /** BLAKE2b-160 of {@link #hashBuffer()}, to compare with the claimed {@link #blockHash()}. */
    public byte[] computeHash() {
        return Blake2b.hash160(hashBuffer());
    }

    /** The same block as received from a peer, noting who sent it. */
    public PosBlock receivedFrom(String peer) {
        return new PosBlock(height, round, sir, timestamp, previousHash, msgCount, uniquesSources, signature,
                blockHash, peer, forger, txs);
    }

    @Override
    public byte[] previousHash() {
        return previousHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] blockHash() {
        return blockHash.clone();
    }

    /** The block hash in lowercase hex, as peers' height reports and logs show it. */
    public String blockHashHex() {
        return HexFormat.of().formatHex(blockHash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PosBlock that
                && height == that.height && round == that.round && sir == that.sir && timestamp == that.timestamp
                && Arrays.equals(previousHash, that.previousHash) && msgCount == that.msgCount
                && uniquesSources == that.uniquesSources && Arrays.equals(signature, that.signature)
                && Arrays.equals(blockHash, that.blockHash) && receivedBy.equals(that.receivedBy)
                && forger.equals(that.forger) && txs.equals(that.txs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blockHash);
    }

    @Override
    public String toString() {
        return "PosBlock[height=" + height + ", round=" + round + ", sir=" + sir + ", hash=" + blockHashHex()
                + ", forger=" + forger + ", txs=" + txs.size() + "]";
    }
}
