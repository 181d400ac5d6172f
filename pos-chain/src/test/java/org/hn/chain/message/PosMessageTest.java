package org.hn.chain.message;

import static org.hn.chain.testing.TestData.hex;
import static org.hn.chain.testing.TestData.number;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.message.MessageVerifier.AddressPolicy;
import org.hn.chain.testing.TestData;
import org.junit.jupiter.api.Test;

class PosMessageTest {

    private static final byte MAINNET = 0x19;
    private static final byte TESTNET = 0x55;
    private static final long NOW = 1_800_000_000L;
    private static final MessageVerifier STRICT = new MessageVerifier(MAINNET, AddressPolicy.STRICT);

    static PosMessage fromVectorFields(JsonNode fields, byte[] txid) {
        return new PosMessage(txid, number(fields.get("block_height")), number(fields.get("timestamp")),
                fields.get("sender").asText(), fields.get("recipient").asText(), number(fields.get("what")),
                fields.get("params").asText(), number(fields.get("value")), hex(fields.get("pubkey_hex")), 0);
    }

    @Test
    void buildsTheSignedBufferAndVerifiesEveryReferenceSignature() throws Exception {
        for (JsonNode vector : TestData.vectors("messages.json").get("vectors")) {
            for (JsonNode signature : vector.get("reference_signatures_random_k_hex")) {
                PosMessage message = fromVectorFields(vector.get("fields"), hex(signature));
                assertArrayEquals(hex(vector.get("signed_buffer_hex")), message.signedBuffer());
                assertEquals(number(vector.get("signed_buffer_len")), message.signedBuffer().length);
                STRICT.verify(message, NOW);
            }
            PosMessage highS = fromVectorFields(vector.get("fields"),
                    hex(vector.get("s_negated_variant_of_deterministic_signature_hex")));
            STRICT.verify(highS, NOW);
        }
    }

    @Test
    void signsExactlyLikeProductionReferenceNodes() throws Exception {
        for (JsonNode vector : TestData.vectors("messages.json").get("vectors")) {
            JsonNode fields = vector.get("fields");
            PosMessage signed = PosMessage.sign(PrivateKey.fromBytes(hex(vector.get("privkey_hex"))), MAINNET,
                    number(fields.get("timestamp")), fields.get("recipient").asText(), number(fields.get("what")),
                    fields.get("params").asText(), number(fields.get("value")));
            assertEquals(fromVectorFields(fields, hex(vector.get("deterministic_rfc6979_sha1_signature_hex"))), signed);
        }
    }

    @Test
    void verifiesThe95RealHypernodeMessagesOf2018() throws Exception {
        JsonNode messages = TestData.vectors("realworld_2018_messages.json").get("messages");
        assertEquals(95, messages.size());
        for (JsonNode row : messages) {
            PosMessage message = new PosMessage(hex(row.get("txid_hex")), 0, number(row.get("timestamp")),
                    row.get("sender").asText(), row.get("recipient").asText(), number(row.get("what")),
                    row.get("params").asText(), number(row.get("value")), hex(row.get("pubkey_hex")), 0);
            assertArrayEquals(hex(row.get("signed_buffer_hex")), message.signedBuffer());
            STRICT.verify(message, NOW);
        }
    }

    @Test
    void acceptsAllThousandReferenceMempoolMessages() throws Exception {
        JsonNode rows = new ObjectMapper().readTree(TestData.file("mainnet-txs1000.json").toFile());
        assertEquals(1000, rows.size());
        for (JsonNode row : rows) {
            PosMessage message = MessageRows.fromRow(row);
            STRICT.verify(message, NOW);
            new MessageVerifier(MAINNET, AddressPolicy.HISTORICAL).verify(message, NOW);
            assertEquals(row.toString(), MessageRows.toRow(message).toString(), "the row form round-trips");
        }
    }

    @Test
    void rejectsEachDefectWithItsReason() throws Exception {
        JsonNode vector = TestData.vectors("messages.json").at("/vectors/0");
        PosMessage good = fromVectorFields(vector.get("fields"), hex(vector.get("txid_hex_of_signature_1")));

        byte[] flipped = good.txid();
        flipped[10] ^= 0x01;
        assertRejected(MessageRejection.INVALID_SIGNATURE, withTxid(good, flipped));
        assertRejected(MessageRejection.BAD_TXID_LENGTH, withTxid(good, new byte[63]));

        byte[] otherKey = hex(TestData.vectors("addresses.json").at("/vectors/1/pubkey_hex"));
        assertRejected(MessageRejection.ADDRESS_MISMATCH, withPubkey(good, otherKey));
        byte[] offCurve = good.pubkey();
        offCurve[63] ^= 0x01;
        assertRejected(MessageRejection.BAD_PUBKEY, withPubkey(good, offCurve));

        assertRejected(MessageRejection.FUTURE_TIMESTAMP, good, good.timestamp() - MessageVerifier.FUTURE_ALLOWED_SECONDS - 1);
        STRICT.verify(good, good.timestamp() - MessageVerifier.FUTURE_ALLOWED_SECONDS);

        PrivateKey testnetKey = PrivateKey.fromBytes(TestData.testKeyBytes(2));
        String testnetAddress = TestData.vectors("addresses.json").at("/vectors/2/testnet/address").asText();
        PosMessage testnetSender = PosMessage.sign(testnetKey, TESTNET, good.timestamp(), testnetAddress, 0, "", 1);
        assertEquals(testnetAddress, testnetSender.sender());
        new MessageVerifier(TESTNET, AddressPolicy.STRICT).verify(testnetSender, NOW);
        assertRejected(MessageRejection.WRONG_NETWORK, testnetSender);
        assertEquals(MessageRejection.ADDRESS_MISMATCH, assertThrows(InvalidMessageException.class,
                () -> new MessageVerifier(MAINNET, AddressPolicy.HISTORICAL).verify(testnetSender, NOW)).rejection());

        assertRejected(MessageRejection.BAD_RECIPIENT, withRecipient(good, good.recipient() + "x"));
        assertRejected(MessageRejection.NOT_ASCII, withParams(good, "caf\u00e9"));
        assertEquals(MessageRejection.FIELD_OUT_OF_RANGE, assertThrows(InvalidMessageException.class,
                () -> new PosMessage(good.txid(), 0, 1L << 32, good.sender(), good.recipient(), 0, "", 0,
                        good.pubkey(), 0).signedBuffer()).rejection());
    }

    @Test
    void aSenderWhoseKeyIsRememberedIsStillRefusedWithAnyOtherKey() throws Exception {
        JsonNode vector = TestData.vectors("messages.json").at("/vectors/0");
        PosMessage good = fromVectorFields(vector.get("fields"), hex(vector.get("txid_hex_of_signature_1")));
        MessageVerifier verifier = new MessageVerifier(MAINNET, AddressPolicy.STRICT);
        verifier.verify(good, NOW);

        byte[] otherKey = hex(TestData.vectors("addresses.json").at("/vectors/1/pubkey_hex"));
        byte[] offCurve = good.pubkey();
        offCurve[63] ^= 0x01;
        assertEquals(MessageRejection.ADDRESS_MISMATCH, assertThrows(InvalidMessageException.class,
                () -> verifier.verify(withPubkey(good, otherKey), NOW)).rejection());
        assertEquals(MessageRejection.BAD_PUBKEY, assertThrows(InvalidMessageException.class,
                () -> verifier.verify(withPubkey(good, offCurve), NOW)).rejection());
        byte[] flipped = good.txid();
        flipped[10] ^= 0x01;
        assertEquals(MessageRejection.INVALID_SIGNATURE, assertThrows(InvalidMessageException.class,
                () -> verifier.verify(withTxid(good, flipped), NOW)).rejection());
        verifier.verify(good, NOW);
    }

    @Test
    void refusesMalformedRowsWithTheColumn() throws Exception {
        ObjectMapper json = new ObjectMapper();
        MalformedRowException shortRow = assertThrows(MalformedRowException.class,
                () -> MessageRows.fromRow(json.readTree("[\"00\", 0, 1]")));
        assertEquals("a message row is an array of 10 elements, got 3 elements", shortRow.getMessage());
        JsonNode row = json.readTree(new File(TestData.file("mainnet-txs1000.json").toString())).get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) row).set(2, json.getNodeFactory().textNode("soon"));
        assertEquals("timestamp (column 2) must be an integer, got \"soon\"",
                assertThrows(MalformedRowException.class, () -> MessageRows.fromRow(row)).getMessage());
        ((com.fasterxml.jackson.databind.node.ArrayNode) row).set(0, json.getNodeFactory().textNode("zz"));
        assertTrue(assertThrows(MalformedRowException.class, () -> MessageRows.fromRow(row))
                .getMessage().startsWith("txid (column 0)"));
    }

    private static void assertRejected(MessageRejection expected, PosMessage message) {
        assertRejected(expected, message, NOW);
    }

    private static void assertRejected(MessageRejection expected, PosMessage message, long now) {
        assertEquals(expected, assertThrows(InvalidMessageException.class, () -> STRICT.verify(message, now)).rejection());
    }

    private static PosMessage withTxid(PosMessage m, byte[] txid) {
        return new PosMessage(txid, m.blockHeight(), m.timestamp(), m.sender(), m.recipient(), m.what(), m.params(),
                m.value(), m.pubkey(), m.received());
    }

    private static PosMessage withPubkey(PosMessage m, byte[] pubkey) {
        return new PosMessage(m.txid(), m.blockHeight(), m.timestamp(), m.sender(), m.recipient(), m.what(),
                m.params(), m.value(), pubkey, m.received());
    }

    private static PosMessage withRecipient(PosMessage m, String recipient) {
        return new PosMessage(m.txid(), m.blockHeight(), m.timestamp(), m.sender(), recipient, m.what(),
                m.params(), m.value(), m.pubkey(), m.received());
    }

    private static PosMessage withParams(PosMessage m, String params) {
        return new PosMessage(m.txid(), m.blockHeight(), m.timestamp(), m.sender(), m.recipient(), m.what(),
                params, m.value(), m.pubkey(), m.received());
    }
}
