package org.hn.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.testing.TestData;
import org.hn.config.Network;
import org.junit.jupiter.api.Test;

class HelloProofTest {

    private static final String CLIENT_HELLO = "posnet000506969BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J";
    private static final String SERVER_HELLO = "posnet000506969BGNtrw8ybLxtTgZ1rTzSr1trTYD5MEfcjD";
    private static final byte MAINNET = Network.MAINNET.networkId();

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static final HelloTranscript TRANSCRIPT = new HelloTranscript(Network.MAINNET.frameMagic(), filled(0x11),
            filled(0x22), CLIENT_HELLO, SERVER_HELLO);

    private static PrivateKey key(int index) throws Exception {
        return PrivateKey.fromBytes(TestData.testKeyBytes(index));
    }

    private static HelloProofException.Reason failure(HelloProof proof, HelloRole role, String address) {
        return assertThrows(HelloProofException.class, () -> proof.verify(TRANSCRIPT, role, address, MAINNET)).reason();
    }

    @Test
    void signedBufferIsTheDocumentedConcatenation() {
        HexFormat hex = HexFormat.of();
        String expected = hex.formatHex("hn-hello-v1".getBytes()) + "01" + hex.formatHex(Network.MAINNET.frameMagic())
                + "11".repeat(32) + "22".repeat(32) + hex.formatHex(CLIENT_HELLO.getBytes())
                + hex.formatHex(SERVER_HELLO.getBytes());
        assertEquals(expected, hex.formatHex(TRANSCRIPT.signedBytes(HelloRole.CLIENT)));
        assertEquals(178, TRANSCRIPT.signedBytes(HelloRole.SERVER).length);
        assertEquals(0x02, TRANSCRIPT.signedBytes(HelloRole.SERVER)[11]);
    }

    @Test
    void aProofByTheAddressOwnerVerifiesForItsRoleOnly() throws Exception {
        HelloProof client = HelloProof.sign(key(0), TRANSCRIPT, HelloRole.CLIENT);
        client.verify(TRANSCRIPT, HelloRole.CLIENT, "BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J", MAINNET);
        assertTrue(key(0).publicKey().verify(TRANSCRIPT.signedBytes(HelloRole.CLIENT), client.signature()));
        assertEquals(HelloProofException.Reason.BAD_SIGNATURE,
                failure(client, HelloRole.SERVER, "BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J"));
        HelloTranscript otherNonce = new HelloTranscript(Network.MAINNET.frameMagic(), filled(0x11), filled(0x23),
                CLIENT_HELLO, SERVER_HELLO);
        assertEquals(HelloProofException.Reason.BAD_SIGNATURE, assertThrows(HelloProofException.class,
                () -> client.verify(otherNonce, HelloRole.CLIENT, "BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J", MAINNET)).reason());
        HelloTranscript testnet = new HelloTranscript(Network.TESTNET.frameMagic(), filled(0x11), filled(0x22),
                CLIENT_HELLO, SERVER_HELLO);
        assertEquals(HelloProofException.Reason.BAD_SIGNATURE, assertThrows(HelloProofException.class,
                () -> client.verify(testnet, HelloRole.CLIENT, "BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J", MAINNET)).reason());
    }

    @Test
    void aKeyOfAnotherAddressOrAnotherKeysSignatureFails() throws Exception {
        HelloProof byOther = HelloProof.sign(key(1), TRANSCRIPT, HelloRole.CLIENT);
        assertEquals(HelloProofException.Reason.KEY_NOT_ADDRESS,
                failure(byOther, HelloRole.CLIENT, "BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J"));
        HelloProof mixed = new HelloProof(key(0).publicKey(), byOther.signature());
        assertEquals(HelloProofException.Reason.BAD_SIGNATURE,
                failure(mixed, HelloRole.CLIENT, "BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J"));
    }

    @Test
    void hashValuesRoundTripAndBadShapesAreMalformed() throws Exception {
        HelloProof proof = HelloProof.sign(key(0), TRANSCRIPT, HelloRole.CLIENT);
        List<ByteString> values = proof.toHashValues();
        assertEquals(List.of(64, 64), values.stream().map(ByteString::size).toList());
        assertEquals(proof.signature(), HelloProof.fromHashValues(values, 0).signature());
        assertEquals(proof.key(), HelloProof.fromHashValues(values, 0).key());
        assertEquals(HelloProofException.Reason.MALFORMED, assertThrows(HelloProofException.class,
                () -> HelloProof.fromHashValues(values.subList(0, 1), 0)).reason());
        assertEquals(HelloProofException.Reason.MALFORMED, assertThrows(HelloProofException.class,
                () -> HelloProof.fromHashValues(List.of(ByteString.copyFrom(new byte[64]), values.get(1)), 0)).reason());
        assertEquals(HelloProofException.Reason.MALFORMED, assertThrows(HelloProofException.class,
                () -> HelloProof.fromHashValues(List.of(values.get(0), ByteString.copyFrom(new byte[63])), 0)).reason());
    }
}
