package org.hn.chain.crypto;

import static org.hn.chain.testing.TestData.bool;
import static org.hn.chain.testing.TestData.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import org.hn.chain.address.Address;
import org.hn.chain.testing.TestData;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final BigInteger N = new BigInteger(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    @Test
    void verifiesTheReferenceSignaturesOfEveryMessageVector() throws Exception {
        for (JsonNode vector : TestData.vectors("messages.json").get("vectors")) {
            PublicKey key = PublicKey.fromBytes(hex(vector.at("/fields/pubkey_hex")));
            byte[] buffer = hex(vector.get("signed_buffer_hex"));
            assertArrayEquals(hex(vector.get("sha1_of_buffer_hex")), Sha1.digest(buffer));
            for (JsonNode randomNonce : vector.get("reference_signatures_random_k_hex")) {
                assertTrue(key.verify(buffer, Signature.fromBytes(hex(randomNonce))));
            }
            Signature negated = Signature.fromBytes(hex(vector.get("s_negated_variant_of_deterministic_signature_hex")));
            assertEquals(bool(vector.get("s_negated_variant_verifies_in_reference")), key.verify(buffer, negated));
            Signature deterministic = Signature.fromBytes(hex(vector.get("deterministic_rfc6979_sha1_signature_hex")));
            assertEquals(bool(vector.get("signature_on_tampered_buffer_verifies")),
                    key.verify(hex(vector.get("tampered_buffer_hex")), deterministic));
        }
    }

    @Test
    void signsLikeProductionReferenceNodes() throws Exception {
        for (JsonNode vector : TestData.vectors("messages.json").get("vectors")) {
            PrivateKey key = PrivateKey.fromBytes(hex(vector.get("privkey_hex")));
            Signature signature = key.sign(hex(vector.get("signed_buffer_hex")));
            assertEquals(vector.get("deterministic_rfc6979_sha1_signature_hex").asText(), signature.toString());
            assertEquals(bool(vector.get("deterministic_signature_s_is_high")),
                    signature.s().compareTo(N.shiftRight(1)) > 0, "high s is kept as the reference emits it");
        }
        JsonNode block = TestData.vectors("blocks.json").get("block");
        PrivateKey forger = PrivateKey.fromBytes(hex(block.at("/header/forger_privkey_hex")));
        assertEquals(block.get("deterministic_rfc6979_sha1_signature_hex").asText(),
                forger.sign(hex(block.get("hash_buffer_hex"))).toString());
    }

    @Test
    void rejectsOutOfRangeScalarsAndForeignKeys() throws Exception {
        JsonNode vector = TestData.vectors("messages.json").at("/vectors/0");
        PublicKey key = PublicKey.fromBytes(hex(vector.at("/fields/pubkey_hex")));
        byte[] buffer = hex(vector.get("signed_buffer_hex"));
        Signature good = Signature.fromBytes(hex(vector.get("deterministic_rfc6979_sha1_signature_hex")));
        assertFalse(key.verify(buffer, Signature.of(good.r(), good.s().add(N))), "s ≥ n");
        assertFalse(key.verify(buffer, Signature.of(BigInteger.ZERO, good.s())), "r = 0");
        PublicKey other = PublicKey.fromBytes(hex(TestData.vectors("addresses.json").at("/vectors/1/pubkey_hex")));
        assertFalse(other.verify(buffer, good));
    }

    @Test
    void recoversTheGenesisForgerKeyFromItsSignature() {
        JsonNode genesis = TestData.vectors("blocks.json").get("genesis");
        Signature signature = Signature.fromBytes(hex(genesis.get("hard_coded_signature_hex")));
        List<PublicKey> candidates = KeyRecovery.candidates(hex(genesis.get("hash_buffer_hex")), signature);
        PublicKey expected = candidates.stream()
                .filter(key -> Address.fromPublicKey(key, (byte) 0x19).equals(genesis.get("forger").asText()))
                .findFirst().orElseThrow();
        assertEquals(genesis.at("/pubkey_recovered_from_signature/pubkey_hex").asText(), expected.toString());
        assertTrue(expected.verify(hex(genesis.get("hash_buffer_hex")), signature));
        assertEquals("00", expected.toString().substring(0, 2), "x starts with a zero byte: padding matters");
    }
}
