package org.hn.node.shell;

import com.google.protobuf.ByteString;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hn.node.wire.ProtocolBreachException;
import org.hn.node.wire.command.CommandDecoder;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.frame.FrameFormat;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.hn.node.wire.proto.Height;

/**
 * {@code hn peer}: a debugging shell in the spirit of Rumor. Reads {@link ShellCommand}s line by line, opens the
 * connection when a command first needs it (again after it closed), sends, and after a request waits until the
 * peer answers, closes, or the answer timeout passes. Every message and event goes to the {@link EventLog}; a bad
 * line or a failed connection is logged as an error and the shell goes on.
 */
public final class PeerShell implements AutoCloseable {

    /** The tip we announce in {@code height}: all zeros, an empty hash (we have no chain). */
    private static final Height NO_CHAIN = Height.newBuilder().setHeight(0).setRound(0).setSir(0)
            .setBlockHash(ByteString.EMPTY).setUniques(0).setUniquesRound(0).setForgers(0).setForgersRound(0).build();

    /**
     * How the shell connects.
     *
     * @param peer           where to connect
     * @param frames         framing limits and the network's v2 magic
     * @param legacy         whether to start in legacy (reference) framing
     * @param hello          the hello string {@code hello} sends
     * @param connectTimeout TCP connect bound
     * @param answerTimeout  how long to wait for an answer after a request
     */
    public record Settings(InetSocketAddress peer, FrameSettings frames, boolean legacy, HelloString hello,
                           Duration connectTimeout, Duration answerTimeout) {
    }

    private final Settings settings;
    private final EventLog log;
    private final PrintWriter help;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private ShellConnection connection;
    private boolean legacy;

    /**
     * @param log  where messages and events go
     * @param help where {@code help} prints the command list (not the log, which stays JSON lines)
     */
    public PeerShell(Settings settings, EventLog log, PrintWriter help) {
        this.settings = settings;
        this.log = log;
        this.help = help;
        this.legacy = settings.legacy();
    }

    /**
     * Runs commands until {@code quit} or the end of the input, then closes the connection.
     *
     * @return the number of errors logged (bad lines, failed connections, breaches, timeouts are not errors)
     * @throws IOException when the input cannot be read
     */
    public int run(BufferedReader input) throws IOException, InterruptedException {
        String line;
        while ((line = input.readLine()) != null) {
            ShellCommand command;
            try {
                command = ShellCommand.parse(line);
            } catch (ShellSyntaxException e) {
                log.error(line, e.getMessage());
                continue;
            }
            if (command == null) {
                continue;
            }
            if (command.verb() == ShellCommand.Verb.QUIT) {
                break;
            }
            execute(command);
        }
        disconnect();
        return log.errors();
    }

    private void execute(ShellCommand command) throws InterruptedException {
        switch (command.verb()) {
            case HELP -> {
                help.println("Commands (one per line; '#' starts a comment):");
                ShellCommand.Verb.usage().forEach(help::println);
                help.flush();
            }
            case LEGACY -> {
                legacy = command.legacy();
                disconnect();
            }
            case PING -> send(Commands.bare(Type.ping), false);
            case HELLO -> send(Commands.withString(Type.hello, settings.hello().text()), true);
            case HEIGHT -> send(Commands.withHeight(Type.height, NO_CHAIN), true);
            case BLOCKINFO -> send(Commands.withInt32(Type.blockinfo, command.number()), true);
            case BLOCKSYNC -> send(Commands.withInt32(Type.blocksync, command.number()), true);
            case ROUNDBLOCKS -> send(Commands.withInt32(Type.roundblocks, command.number()), true);
            // the reference client's request (spec/client.md §4.12): int32 1, no transactions
            case MEMPOOL -> send(Commands.withInt32(Type.mempool, 1), true);
            case RAW -> sendRaw(command.payload());
            case QUIT -> throw new IllegalStateException("quit is handled by run");
        }
    }

    private void send(Command command, boolean awaitAnswer) throws InterruptedException {
        if (!connected()) {
            return;
        }
        arrivals.clear();
        connection.send(command);
        if (awaitAnswer) {
            awaitArrival();
        }
    }

    private void sendRaw(byte[] payload) throws InterruptedException {
        if (!connected()) {
            return;
        }
        Command parsed = null;
        String decodeError = null;
        try {
            parsed = CommandDecoder.parse(Unpooled.wrappedBuffer(payload));
        } catch (ProtocolBreachException e) {
            decodeError = e.getMessage();
        }
        arrivals.clear();
        connection.sendRaw(payload, parsed, decodeError);
        awaitArrival();
    }

    /** Opens the connection if there is none; false (logged) when it cannot be made. */
    private boolean connected() throws InterruptedException {
        if (connection != null && connection.isOpen()) {
            return true;
        }
        disconnect();
        try {
            connection = ShellConnection.open(group, settings.peer(), legacy ? FrameFormat.LEGACY : FrameFormat.V2,
                    settings.frames(), settings.connectTimeout(), log, arrivals);
            return true;
        } catch (IOException e) {
            log.error(null, e.getMessage());
            return false;
        }
    }

    /** Waits for the next message or the end of the connection (both already logged), else logs a timeout. */
    private void awaitArrival() throws InterruptedException {
        long timeoutMillis = settings.answerTimeout().toMillis();
        if (arrivals.poll(timeoutMillis, TimeUnit.MILLISECONDS) == null) {
            log.timeout(timeoutMillis);
        }
    }

    private void disconnect() throws InterruptedException {
        if (connection != null) {
            ShellConnection open = connection;
            connection = null;
            open.close();
        }
        arrivals.clear();
    }

    /** Closes the connection and stops the event loop. */
    @Override
    public void close() throws InterruptedException {
        disconnect();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }
}
