package org.hn.node.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.hn.node.wire.hello.HelloString;

/**
 * What both sides of an authenticated hello ({@code posnet0005}, {@code docs/protocol.md §3}) sign: the exact bytes
 * <pre>
 *   "hn-hello-v1" (11 ASCII bytes) ‖ role (1 byte, {@link HelloRole}) ‖ network frame magic (4 bytes)
 *   ‖ client nonce (32 bytes) ‖ server nonce (32 bytes) ‖ client hello string (49 ASCII bytes)
 *   ‖ server hello string (49 ASCII bytes)
 * </pre>
 * 178 bytes in all, signed with the chain's scheme (ECDSA secp256k1 over SHA-1 of the buffer, 64-byte r‖s,
 * {@code spec/chain.md §3.4}). Both nonces make a proof good for one connection only; the hello strings bind it to
 * the two addresses and ports announced; the magic binds it to one network.
 */
public final class HelloTranscript {

    /** The posnet of the authenticated hello. */
    public static final String POSNET = "posnet0005";
    /** Length of each side's nonce in bytes. */
    public static final int NONCE_LENGTH = 32;
    /** The domain separator that starts the signed buffer. */
    public static final String DOMAIN = "hn-hello-v1";

    private final byte[] networkMagic;
    private final byte[] clientNonce;
    private final byte[] serverNonce;
    private final String clientHello;
    private final String serverHello;

    /**
     * @param networkMagic the network's 4-byte frame magic
     * @param clientNonce  32 random bytes chosen by the client
     * @param serverNonce  32 random bytes chosen by the server
     * @param clientHello  the client's 49-character hello string as sent
     * @param serverHello  the server's 49-character hello string as sent
     * @throws IllegalArgumentException if a part has the wrong length
     */
    public HelloTranscript(byte[] networkMagic, byte[] clientNonce, byte[] serverNonce, String clientHello,
                           String serverHello) {
        if (networkMagic.length != 4 || clientNonce.length != NONCE_LENGTH || serverNonce.length != NONCE_LENGTH
                || clientHello.length() != HelloString.LENGTH || serverHello.length() != HelloString.LENGTH) {
            throw new IllegalArgumentException("hello transcript parts of lengths " + networkMagic.length + ", "
                    + clientNonce.length + ", " + serverNonce.length + ", " + clientHello.length() + ", "
                    + serverHello.length());
        }
        this.networkMagic = networkMagic.clone();
        this.clientNonce = clientNonce.clone();
        this.serverNonce = serverNonce.clone();
        this.clientHello = clientHello;
        this.serverHello = serverHello;
    }

    /** The buffer the side {@code role} signs, 178 bytes. */
    public byte[] signedBytes(HelloRole role) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(178);
        buffer.writeBytes(DOMAIN.getBytes(StandardCharsets.US_ASCII));
        buffer.write(role.code());
        buffer.writeBytes(networkMagic);
        buffer.writeBytes(clientNonce);
        buffer.writeBytes(serverNonce);
        buffer.writeBytes(clientHello.getBytes(StandardCharsets.US_ASCII));
        buffer.writeBytes(serverHello.getBytes(StandardCharsets.US_ASCII));
        return buffer.toByteArray();
    }
}
