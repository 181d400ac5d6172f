package org.hn.plugin.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.hn.pow.socket.LegacyFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link PluginCommands} to hypernodes, possibly on other machines, over the PoW node's legacy socket
 * protocol ({@code spec/pow.md §9.1}): one connection per command, a 10-digit length then a JSON string, one framed
 * JSON answer, then the connection is closed. A connection is closed without answer when it sends nothing for the
 * read timeout, announces a frame over {@link #MAX_COMMAND_BYTES}, sends something that is not a JSON string, or a
 * command the plugin does not know; other connections are unaffected.
 *
 * <p>One thread per connection, at most {@code maxConnections} at once (more are closed at once), so a flood cannot
 * exhaust the machine.
 */
public final class PluginServer implements AutoCloseable {

    /** The PoW node closes a connection silent for this long (§9.1). */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(45);
    /** Largest command frame accepted; the longest real command is well under 200 bytes. */
    public static final int MAX_COMMAND_BYTES = 4096;
    /** Connections served at once by default. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(PluginServer.class);

    private final PluginCommands commands;
    private final Duration readTimeout;
    private final Semaphore connectionSlots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionCount = new AtomicLong();
    private final ObjectMapper json = new ObjectMapper();
    private volatile ServerSocket server;

    /**
     * @param commands       what answers
     * @param readTimeout    how long a connection may stay silent before its command
     * @param maxConnections connections served at once
     */
    public PluginServer(PluginCommands commands, Duration readTimeout, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
        this.commands = Objects.requireNonNull(commands, "commands");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.connectionSlots = new Semaphore(maxConnections);
    }

    /**
     * Binds and starts accepting on a daemon thread.
     *
     * @param bind address and port (port 0 picks a free one)
     * @return the address actually bound
     * @throws IOException when the address cannot be bound
     * @throws IllegalStateException when already started
     */
    public synchronized InetSocketAddress start(InetSocketAddress bind) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started on " + server.getLocalSocketAddress());
        }
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(bind);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "hn-plugin-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("accept failed: {}", e.toString());
                }
                continue;
            }
            if (!connectionSlots.tryAcquire()) {
                LOG.debug("too many connections, closing {}", connection.getRemoteSocketAddress());
                closeQuietly(connection);
                continue;
            }
            open.add(connection);
            Thread handler = new Thread(() -> serve(connection),
                    "hn-plugin-connection-" + connectionCount.incrementAndGet());
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
            String payload = LegacyFrame.read(connection.getInputStream(), MAX_COMMAND_BYTES);
            Optional<String> answer = command(payload).flatMap(commands::answer);
            if (answer.isPresent()) {
                LegacyFrame.write(connection.getOutputStream(), answer.get());
            }
        } catch (IOException e) {
            // Timeouts, oversized or malformed frames and peers that go away end only this connection.
            LOG.debug("connection from {} closed: {}", connection.getRemoteSocketAddress(), e.toString());
        } catch (RuntimeException e) {
            // Like an error raised before the reference answers: this connection is closed without an answer.
            LOG.warn("command from {} failed, closing without answer", connection.getRemoteSocketAddress(), e);
        } finally {
            open.remove(connection);
            connectionSlots.release();
        }
    }

    private Optional<String> command(String payload) {
        try {
            JsonNode command = json.readTree(payload);
            if (command != null && command.isTextual()) {
                return Optional.of(command.textValue());
            }
        } catch (JsonProcessingException e) {
            LOG.debug("command is not JSON: {}", e.getOriginalMessage());
        }
        return Optional.empty();
    }

    /** Stops accepting and closes every open connection. Idempotent. */
    @Override
    public synchronized void close() {
        if (server != null) {
            closeQuietly(server);
        }
        open.forEach(PluginServer::closeQuietly);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("close: {}", e.toString());
        }
    }
}
