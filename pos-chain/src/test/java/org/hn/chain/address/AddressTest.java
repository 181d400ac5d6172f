package org.hn.chain.address;

import static org.hn.chain.testing.TestData.bool;
import static org.hn.chain.testing.TestData.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.novacrypto.base58.Base58;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.hn.chain.crypto.InvalidKeyException;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.crypto.PublicKey;
import org.hn.chain.testing.TestData;
import org.junit.jupiter.api.Test;

class AddressTest {

    private static final JsonNode VECTORS = TestData.vectors("addresses.json");
    private static final byte MAINNET = 0x19;
    private static final byte TESTNET = 0x55;

    @Test
    void derivesEveryVectorKeyOnBothNetworks() throws Exception {
        for (JsonNode vector : VECTORS.get("vectors")) {
            PrivateKey key = PrivateKey.fromBytes(hex(vector.get("privkey_hex")));
            PublicKey publicKey = key.publicKey();
            assertArrayEquals(hex(vector.get("pubkey_hex")), publicKey.toBytes());
            assertEquals(vector.at("/mainnet/address").asText(), Address.fromPublicKey(publicKey, MAINNET));
            assertEquals(vector.at("/testnet/address").asText(), Address.fromPublicKey(publicKey, TESTNET));
            assertArrayEquals(hex(vector.get("blake2b_160_of_pubkey_hex")),
                    Address.decode(vector.at("/mainnet/address").asText(), MAINNET));
            assertArrayEquals(hex(vector.at("/testnet/raw25_hex")),
                    Base58.base58Decode(vector.at("/testnet/address").asText()));
        }
    }

    @Test
    void referenceUnitTestHashesTheHexTextNotTheKeyBytes() {
        JsonNode vector = VECTORS.get("reference_unit_test_vector");
        byte[] ascii = vector.get("input_ascii").asText().getBytes(StandardCharsets.US_ASCII);
        assertEquals(vector.get("mainnet").asText(), Address.fromPublicKeyBytes(ascii, MAINNET));
        assertEquals(vector.get("testnet").asText(), Address.fromPublicKeyBytes(ascii, TESTNET));
        byte[] raw = HexFormat.of().parseHex(vector.get("input_ascii").asText());
        assertEquals(vector.at("/same_hex_decoded_to_64_raw_bytes/mainnet").asText(), Address.fromPublicKeyBytes(raw, MAINNET));
    }

    @Test
    void decodesKnownAddresses() throws Exception {
        for (JsonNode known : VECTORS.get("known_addresses")) {
            String address = known.get("address").asText();
            assertArrayEquals(hex(known.get("hash20_hex")), Address.decode(address, MAINNET));
            assertArrayEquals(hex(known.get("raw25_hex")), Base58.base58Decode(address));
        }
    }

    @Test
    void rejectsInvalidAddressesWithTheReferenceText() {
        for (JsonNode invalid : VECTORS.get("invalid_addresses")) {
            String address = invalid.get("address").asText();
            InvalidAddressException error = assertThrows(InvalidAddressException.class,
                    () -> Address.decode(address, (byte) Integer.parseInt(invalid.get("network_id_hex").asText(), 16)));
            assertEquals(invalid.get("reference_error").asText(), error.getMessage());
            assertEquals(bool(invalid.get("quick_regex_match")), Address.passesQuickCheck(address), address);
            assertFalse(Address.isValid(address, MAINNET));
        }
    }

    @Test
    void namesTheFailedCheck() {
        String testnet = VECTORS.at("/vectors/0/testnet/address").asText();
        assertEquals(AddressError.NETWORK, assertThrows(InvalidAddressException.class,
                () -> Address.decode(testnet, MAINNET)).error());
        assertEquals(AddressError.FORMAT, assertThrows(InvalidAddressException.class,
                () -> Address.decode("0OIl" + testnet.substring(4), TESTNET)).error());
        assertEquals(AddressError.FORMAT, assertThrows(InvalidAddressException.class,
                () -> Address.decode(testnet + "1", TESTNET)).error());
        assertEquals(AddressError.FORMAT, assertThrows(InvalidAddressException.class,
                () -> Address.decode(null, TESTNET)).error());
        assertTrue(Address.passesQuickCheck(testnet + "extra"), "the reference's quick check anchors only at the start");
    }

    @Test
    void base58MatchesTheReferenceEncodingIncludingLeadingZeros() {
        for (JsonNode row : VECTORS.get("base58_raw_encoding")) {
            byte[] bytes = hex(row.get("bytes_hex"));
            assertEquals(row.get("base58").asText(), Base58.base58Encode(bytes));
            assertArrayEquals(bytes, Base58.base58Decode(row.get("base58").asText()));
        }
    }

    @Test
    void publicKeysOffTheCurveAreRefused() {
        byte[] key = hex(VECTORS.at("/vectors/0/pubkey_hex"));
        key[63] ^= 1;
        assertThrows(InvalidKeyException.class, () -> PublicKey.fromBytes(key));
        assertThrows(InvalidKeyException.class, () -> PublicKey.fromBytes(new byte[65]));
    }
}
