package org.hn.chain.block;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.hn.chain.crypto.Blake2b;
import org.hn.chain.crypto.InvalidKeyException;
import org.hn.chain.crypto.PrivateKey;
import org.hn.config.Network;

/**
 * The mainnet genesis block, exactly as the reference hard-codes it ({@code spec/chain.md §5.4}). A node
 * whose chain is empty inserts this row.
 */
public final class Genesis {

    /** {@code ORIGIN_OF_TIME}: the genesis timestamp and the start of round 0. */
    public static final long TIMESTAMP = 1_534_716_000L;
    /** {@code GENESIS_ADDRESS}, also the PoS control address. */
    public static final String FORGER = "BKYnuT4Pt8xfZrSKrY3mUyf9Cd9qJmTgBn";
    /** The text whose BLAKE2b-160 is the genesis previous hash. */
    public static final String SEED = "BIG_BANG_HASH";

    private static final HexFormat HEX = HexFormat.of();
    private static final String HASH = "87d5ad9988b88dda92aa988267e30c89479fc2d2";
    private static final String SIGNATURE = "4f9be873ed7f4ef047abee6a2266c7586b019cb69d76b782988a574642604c5f"
            + "31ce7597a49e018f76253c1418cb0549a3b8db3d42453c661c15eee8a62d4215";

    private Genesis() {
    }

    /** The mainnet genesis block: height, round and sir 0, no transactions, forged by {@link #FORGER}. */
    public static PosBlock mainnet() {
        return new PosBlock(0, 0, 0, TIMESTAMP, previousHash(), 0, 0, HEX.parseHex(SIGNATURE), HEX.parseHex(HASH),
                "", FORGER, List.of());
    }

    /**
     * The genesis block of a network: {@link #mainnet()} on mainnet; elsewhere a block forged like it, at the
     * same height, round, slot and time, by the key whose scalar is SHA-256 of {@code "hn-<network>-genesis"}.
     * That key is public: it only makes every node of a devnet start from the same block without coordination.
     */
    public static PosBlock of(Network network) {
        if (network == Network.MAINNET) {
            return mainnet();
        }
        byte[] seed = ("hn-" + network.id() + "-genesis").getBytes(StandardCharsets.UTF_8);
        try {
            PrivateKey key = PrivateKey.fromBytes(MessageDigest.getInstance("SHA-256").digest(seed));
            return PosBlock.forge(key, network.networkId(), 0, 0, 0, TIMESTAMP, previousHash(), List.of());
        } catch (InvalidKeyException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the " + network.id() + " genesis key cannot be derived", e);
        }
    }

    /** {@code BLAKE2b-160("BIG_BANG_HASH")}, the previous hash of every network's genesis block. */
    public static byte[] previousHash() {
        return Blake2b.hash160(SEED.getBytes(StandardCharsets.UTF_8));
    }
}
