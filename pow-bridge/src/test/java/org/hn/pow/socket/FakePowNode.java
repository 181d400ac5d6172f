package org.hn.pow.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-shot PoW node on a loopback port: accepts one connection, reads one frame, answers with the given raw
 * bytes (or closes without answering when they are null), and reports the command it received.
 */
public final class FakePowNode implements AutoCloseable {

    private final ServerSocket server;
    private final CompletableFuture<String> received = new CompletableFuture<>();

    public FakePowNode(byte[] rawAnswer) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serve(rawAnswer), "fake-pow-node");
        thread.setDaemon(true);
        thread.start();
    }

    /** Answers with one well-formed frame holding this JSON text. */
    public static FakePowNode answering(String json) throws IOException {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        byte[] header = String.format("%010d", payload.length).getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[header.length + payload.length];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(payload, 0, frame, header.length, payload.length);
        return new FakePowNode(frame);
    }

    private void serve(byte[] rawAnswer) {
        try (Socket connection = server.accept()) {
            InputStream in = connection.getInputStream();
            received.complete(LegacyFrame.read(in, 1 << 20));
            if (rawAnswer != null) {
                OutputStream out = connection.getOutputStream();
                out.write(rawAnswer);
                out.flush();
            }
        } catch (IOException e) {
            received.completeExceptionally(new UncheckedIOException(e));
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** The frame payload the client sent (its JSON text). */
    public String receivedPayload() throws InterruptedException, ExecutionException, TimeoutException {
        return received.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
