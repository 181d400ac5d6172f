package org.hn.chain.block;

import static org.hn.chain.testing.TestData.hex;
import static org.hn.chain.testing.TestData.number;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.crypto.PublicKey;
import org.hn.chain.crypto.Signature;
import org.hn.chain.message.MessageRows;
import org.hn.chain.message.PosMessage;
import org.hn.chain.testing.TestData;
import org.junit.jupiter.api.Test;

class PosBlockTest {

    private static final JsonNode VECTOR = TestData.vectors("blocks.json");

    static PosBlock vectorBlock(byte[] signature) throws Exception {
        JsonNode block = VECTOR.get("block");
        JsonNode header = block.get("header");
        List<PosMessage> txs = new ArrayList<>();
        for (JsonNode row : block.get("txs")) {
            txs.add(MessageRows.fromRow(row));
        }
        return new PosBlock(number(header.get("height")), number(header.get("round")), (int) number(header.get("sir")),
                number(header.get("timestamp")), hex(header.get("previous_hash_hex")),
                (int) number(header.get("msg_count")), (int) number(header.get("uniques_sources")), signature,
                hex(block.get("block_hash_hex")), "", header.get("forger").asText(), txs);
    }

    @Test
    void hashesTheReferenceBlock() throws Exception {
        JsonNode block = VECTOR.get("block");
        PosBlock posBlock = vectorBlock(hex(block.get("reference_signature_random_k_hex")));
        assertArrayEquals(hex(block.get("hash_buffer_hex")), posBlock.hashBuffer());
        assertEquals(number(block.get("hash_buffer_len")), posBlock.hashBuffer().length);
        assertEquals(block.get("block_hash_hex").asText(), posBlock.blockHashHex());
        assertArrayEquals(posBlock.blockHash(), posBlock.computeHash());
        PublicKey forgerKey = PublicKey.fromBytes(hex(block.at("/header/forger_pubkey_hex")));
        assertTrue(forgerKey.verify(posBlock.hashBuffer(), Signature.fromBytes(posBlock.signature())));
    }

    @Test
    void forgesTheSameBlockAsAProductionReferenceNode() throws Exception {
        JsonNode block = VECTOR.get("block");
        PosBlock expected = vectorBlock(hex(block.get("deterministic_rfc6979_sha1_signature_hex")));
        PrivateKey forgerKey = PrivateKey.fromBytes(hex(block.at("/header/forger_privkey_hex")));
        List<PosMessage> mempoolTxs = expected.txs().stream().map(tx -> tx.atHeight(0)).toList();
        PosBlock forged = PosBlock.forge(forgerKey, (byte) 0x19, expected.height(), expected.round(), expected.sir(),
                expected.timestamp(), expected.previousHash(), mempoolTxs);
        assertEquals(expected, forged);
    }

    @Test
    void theMainnetGenesisIsTheHardCodedBlock() {
        JsonNode genesis = VECTOR.get("genesis");
        PosBlock block = Genesis.mainnet();
        assertEquals(genesis.get("previous_hash_hex").asText(), java.util.HexFormat.of().formatHex(block.previousHash()));
        assertArrayEquals(hex(genesis.get("hash_buffer_hex")), block.hashBuffer());
        assertArrayEquals(hex(genesis.get("hard_coded_block_hash_hex")), block.computeHash());
        assertArrayEquals(hex(genesis.get("hard_coded_signature_hex")), block.signature());
        assertEquals(genesis.get("forger").asText(), block.forger());
        assertEquals(36, block.hashBuffer().length);
    }

    @Test
    void everyNetworkHasItsOwnFixedGenesis() {
        assertEquals(Genesis.mainnet(), Genesis.of(org.hn.config.Network.MAINNET));
        PosBlock devnet = Genesis.of(org.hn.config.Network.DEVNET);
        assertEquals(devnet, Genesis.of(org.hn.config.Network.DEVNET), "deterministic");
        assertEquals('b', devnet.forger().charAt(0), "a devnet address (0x55)");
        assertArrayEquals(devnet.computeHash(), devnet.blockHash());
        assertEquals(Genesis.mainnet().blockHashHex(), devnet.blockHashHex(),
                "the hash buffer has neither forger nor network: only the signature and forger differ");
        org.junit.jupiter.api.Assertions.assertNotEquals(Genesis.of(org.hn.config.Network.TESTNET).forger(), devnet.forger());
    }

    @Test
    void refusesToEncodeHeadersOutsideUint32() throws Exception {
        PosBlock block = vectorBlock(new byte[64]);
        PosBlock negative = new PosBlock(-1, block.round(), block.sir(), block.timestamp(), block.previousHash(),
                block.msgCount(), block.uniquesSources(), block.signature(), block.blockHash(), "", block.forger(),
                block.txs());
        assertEquals(false, negative.hasEncodableHeader());
        assertEquals("height -1 is outside the unsigned 32-bit range",
                assertThrows(IllegalArgumentException.class, negative::hashBuffer).getMessage());
    }
}
