package org.hn.chain.store;

import static org.hn.chain.testing.TestChain.forge;
import static org.hn.chain.testing.TestChain.tx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.hn.chain.block.Genesis;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.Signature;
import org.hn.chain.testing.TestChain;
import org.junit.jupiter.api.Test;

class RoundSignaturesTest {

    private static final byte MAINNET = TestChain.MAINNET;

    private static List<PosBlock> roundOfThree() {
        PosBlock first = forge(Genesis.mainnet(), 1, 5, 0, List.of(tx(Genesis.TIMESTAMP + 1, 1, 2, 0, "", 5)));
        PosBlock second = forge(first, 2, 5, 3, List.of());
        PosBlock third = forge(second, 1, 5, 7, List.of(tx(Genesis.TIMESTAMP + 2, 3, 1, 0, "", 5)));
        return List.of(first, second, third);
    }

    @Test
    void theDigestIsSha256OfTheBlockHashesInHeightOrder() throws Exception {
        List<PosBlock> blocks = roundOfThree();
        byte[] concatenated = new byte[60];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(blocks.get(i).blockHash(), 0, concatenated, i * 20, 20);
        }
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(concatenated);
        assertArrayEquals(expected, RoundSignatures.digest(blocks));
        assertArrayEquals(expected, RoundSignatures.digest(List.of(blocks.get(2), blocks.get(0), blocks.get(1))));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HexFormat.of().formatHex(RoundSignatures.digest(List.of())));
    }

    @Test
    void aSignedRoundVerifiesAgainstItsBlocksAndNothingElse() {
        List<PosBlock> blocks = roundOfThree();
        RoundSignature signature = RoundSignatures.sign(5, blocks, TestChain.key(1), MAINNET);
        assertEquals(5, signature.round());
        assertEquals(TestChain.address(1), signature.forger());
        assertArrayEquals(RoundSignatures.digest(blocks), signature.digest());
        assertTrue(TestChain.key(1).publicKey().verify(signature.digest(), Signature.fromBytes(signature.signature())));

        assertTrue(RoundSignatures.verify(blocks, signature, TestChain.key(1).publicKey(), MAINNET));
        assertFalse(RoundSignatures.verify(blocks.subList(0, 2), signature, TestChain.key(1).publicKey(), MAINNET),
                "a block missing");
        assertFalse(RoundSignatures.verify(blocks, signature, TestChain.key(2).publicKey(), MAINNET),
                "another forger's key");
        RoundSignature forged = new RoundSignature(5, signature.digest(), TestChain.address(2),
                signature.signature());
        assertFalse(RoundSignatures.verify(blocks, forged, TestChain.key(2).publicKey(), MAINNET),
                "a signature by key 1 claimed by address 2");
        byte[] tampered = signature.signature();
        tampered[10] ^= 1;
        assertFalse(RoundSignatures.verify(blocks, new RoundSignature(5, signature.digest(), signature.forger(),
                tampered), TestChain.key(1).publicKey(), MAINNET));
        assertFalse(RoundSignatures.verify(blocks, new RoundSignature(5, signature.digest(), signature.forger(),
                new byte[3]), TestChain.key(1).publicKey(), MAINNET), "a malformed signature does not verify");
        assertFalse(RoundSignatures.verify(blocks, new RoundSignature(6, signature.digest(), signature.forger(),
                signature.signature()), TestChain.key(1).publicKey(), MAINNET), "blocks of another round");
    }

    @Test
    void signingRefusesBlocksOfAnotherRound() {
        assertThrows(IllegalArgumentException.class,
                () -> RoundSignatures.sign(6, roundOfThree(), TestChain.key(1), MAINNET));
    }
}
