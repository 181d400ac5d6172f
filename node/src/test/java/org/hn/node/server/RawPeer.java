package org.hn.node.server;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.hn.node.wire.proto.Command;

/**
 * A peer on a plain blocking socket that writes exactly the bytes a test gives it, to play reference clients
 * and attackers against a loopback server. Frames are built here by hand from the spec, not by the codecs
 * under test. Reads wait at most the socket timeout.
 */
public final class RawPeer implements AutoCloseable {

    /** Mainnet v2 magic ({@code DESIGN.md §4}, {@code Network.MAINNET}). */
    public static final byte[] MAINNET_MAGIC = HexFormat.of().parseHex("b15b484e");

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    public RawPeer(InetSocketAddress server, int readTimeoutMillis) throws IOException {
        this(server, readTimeoutMillis, null);
    }

    /** A peer connecting from a chosen local address (one loopback IP per attacker keeps scores apart). */
    public RawPeer(InetSocketAddress server, int readTimeoutMillis, InetAddress localAddress) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(server, 2000);
        socket.setSoTimeout(readTimeoutMillis);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    /** Legacy frame: signed 32-bit big-endian length, then the payload ({@code spec/wire.md §1.2}). */
    public static byte[] legacyFrame(byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }

    /** v2 frame: magic, length, first 4 bytes of SHA-256(SHA-256(payload)), payload ({@code DESIGN.md §4}). */
    public static byte[] v2Frame(byte[] payload) {
        return v2Frame(MAINNET_MAGIC, payload);
    }

    /** A v2 frame with another network's magic. */
    public static byte[] v2Frame(byte[] magic, byte[] payload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] twice = sha256.digest(sha256.digest(payload));
            return ByteBuffer.allocate(12 + payload.length).put(magic).putInt(payload.length)
                    .put(twice, 0, 4).put(payload).array();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes as an attacker would, ignoring a reset by a server that already gave up on the connection. */
    public void writeUntilRefused(byte[] bytes) throws IOException {
        try {
            write(bytes);
        } catch (SocketException reset) {
            // The server closed mid-write; closedByServer() tells the test so.
        }
    }

    /** Writes one byte per TCP segment (no Nagle), as a slow or hostile peer would. */
    public void writeBytewise(byte[] bytes) throws IOException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
        }
    }

    /** Reads one legacy frame's payload bytes. */
    public byte[] readLegacyPayload() throws IOException {
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        return payload;
    }

    /** Reads one legacy frame whole, header included. */
    public byte[] readLegacyFrame() throws IOException {
        return legacyFrame(readLegacyPayload());
    }

    /** Reads one v2 frame and returns its command, checking magic and checksum. */
    public Command readV2() throws IOException {
        return readV2(MAINNET_MAGIC);
    }

    /** Reads one v2 frame of the network with that magic. */
    public Command readV2(byte[] magic) throws IOException {
        byte[] header = new byte[12];
        in.readFully(header);
        if (!Arrays.equals(header, 0, 4, magic, 0, 4)) {
            throw new IOException("bad magic " + HexFormat.of().formatHex(header, 0, 4));
        }
        byte[] payload = new byte[ByteBuffer.wrap(header, 4, 4).getInt()];
        in.readFully(payload);
        if (!Arrays.equals(header, 8, 12, v2Frame(payload), 8, 12)) {
            throw new IOException("bad checksum");
        }
        return Command.parseFrom(payload);
    }

    public Command readLegacy() throws IOException {
        return Command.parseFrom(readLegacyPayload());
    }

    /**
     * Whether the server closes the connection before the read timeout, discarding anything it still sends.
     *
     * @return true on end of stream or reset, false if the connection is still open at the timeout
     */
    public boolean closedByServer() throws IOException {
        InputStream raw = socket.getInputStream();
        byte[] sink = new byte[4096];
        try {
            while (raw.read(sink) >= 0) {
                // keep draining until the end of the stream
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException | EOFException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
