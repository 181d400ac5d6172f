package org.hn.node.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hn.chain.address.Address;
import org.hn.chain.crypto.PrivateKey;
import org.hn.node.auth.Tokens;
import org.hn.node.client.ClientSession;
import org.hn.node.client.ClientSettings;
import org.hn.node.client.FramingMemory;
import org.hn.node.client.HelloRefusedException;
import org.hn.node.client.PeerClient;
import org.hn.node.client.PeerClosedException;
import org.hn.node.client.PosnetMemory;
import org.hn.node.service.PythonJson;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;

/**
 * One client session with a node, as every query opens it ({@code spec/client.md §2}, {@code docs/protocol.md §2,
 * §3}): connect, say hello as a client (port {@code 00101}), present the token if there is one, then ask.
 *
 * <p>The hello is said with a throw-away key made for this session: a client has no identity to prove (its
 * rights come from its token or its IP), and no wallet file is ever read or created for it. With that key the
 * session first tries the authenticated hello {@code posnet0005}, in which the node proves its own address, and
 * falls back to the reference's hello for a node that refuses it.
 *
 * <p>Every failure is mapped here, once, to the exit codes of {@link QueryExit}: no connection, no answer in time
 * or a connection closed before the answer → {@link QueryExit#UNREACHABLE}; {@code ko} to the hello, the token or
 * the request → {@link QueryExit#REFUSED} with the node's reason.
 */
final class NodeConnection implements AutoCloseable {

    private final EventLoopGroup group;
    private final ClientSession session;
    private final QueryTarget target;

    private NodeConnection(EventLoopGroup group, ClientSession session, QueryTarget target) {
        this.group = group;
        this.session = session;
        this.target = target;
    }

    /**
     * Connects, says hello and presents the target's token.
     *
     * @throws QueryFailure {@link QueryExit#UNREACHABLE} or {@link QueryExit#REFUSED} as described above
     */
    static NodeConnection open(QueryTarget target, Clock clock) throws QueryFailure {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            PrivateKey sessionKey = PrivateKey.generate(new SecureRandom());
            String address = Address.fromPublicKey(sessionKey.publicKey(), target.network().networkId());
            PeerClient client = new PeerClient(group, new ClientSettings(FrameSettings.defaults(target.network()),
                    target.connectTimeout(), target.answerTimeout()), new FramingMemory(), clock, sessionKey,
                    new PosnetMemory());
            HelloString hello = new HelloString(HelloString.CURRENT_POSNET, HelloString.CLIENT_PORT, address);
            ClientSession session = await(client.open(target.node(), hello), target, "hello");
            NodeConnection connection = new NodeConnection(group, session, target);
            if (target.token().isPresent()) {
                Command verdict = connection.request(
                        Commands.withString(Type.hello, Tokens.WIRE_PREFIX + target.token().get()), "token");
                if (verdict.getCommand() != Type.ok) {
                    connection.close();
                    throw new QueryFailure(QueryExit.REFUSED, "the node answered " + verdict.getCommand()
                            + " to the token");
                }
            }
            return connection;
        } catch (QueryFailure | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * Sends a request and returns the node's answer, which must be of the request's type.
     *
     * @throws QueryFailure {@link QueryExit#REFUSED} on {@code ko}, {@link QueryExit#UNREACHABLE} when unanswered,
     *                      {@link QueryExit#FAILED} when the answer is of another type
     */
    Command ask(Command request) throws QueryFailure {
        Command answer = request(request, request.getCommand().name());
        if (answer.getCommand() != request.getCommand()) {
            throw new QueryFailure(QueryExit.FAILED, node() + " answered " + answer.getCommand() + " to "
                    + request.getCommand());
        }
        return answer;
    }

    /**
     * {@link #ask}s and reads the answer's {@code string_value} as JSON, decimals exact.
     *
     * @throws QueryFailure as {@link #ask}, and {@link QueryExit#FAILED} when the text is not JSON
     */
    JsonNode askJson(Command request) throws QueryFailure {
        String text = ask(request).getStringValue();
        try {
            return PythonJson.parse(text);
        } catch (JsonProcessingException e) {
            throw new QueryFailure(QueryExit.FAILED, node() + " answered " + request.getCommand()
                    + " with text that is not JSON: " + e.getOriginalMessage());
        }
    }

    /** A request whose answer may be anything but {@code ko}. */
    private Command request(Command request, String what) throws QueryFailure {
        Command answer = await(session.request(request), target, what);
        if (answer.getCommand() == Type.ko) {
            throw new QueryFailure(QueryExit.REFUSED, node() + " refused the " + what + ": "
                    + (answer.getStringValue().isEmpty() ? "no reason given" : answer.getStringValue()));
        }
        return answer;
    }

    private String node() {
        return target.node().getHostString() + ":" + target.node().getPort();
    }

    private static <T> T await(CompletableFuture<T> future, QueryTarget target, String what) throws QueryFailure {
        String node = target.node().getHostString() + ":" + target.node().getPort();
        try {
            // The client's own timeouts end every exchange; this bound only guards against a lost completion.
            long boundSeconds = 2 * (target.connectTimeout().toSeconds() + target.answerTimeout().toSeconds()) + 5;
            return future.get(boundSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryFailure(QueryExit.FAILED, "interrupted while waiting for " + node);
        } catch (TimeoutException e) {
            throw new QueryFailure(QueryExit.UNREACHABLE, node + " did not answer the " + what + " in time");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HelloRefusedException refused) {
                throw new QueryFailure(QueryExit.REFUSED, node + " refused the hello: " + refused.reason());
            }
            if (cause instanceof PeerClosedException) {
                throw new QueryFailure(QueryExit.UNREACHABLE, node + " closed the connection without answering the "
                        + what);
            }
            if (cause instanceof TimeoutException) {
                throw new QueryFailure(QueryExit.UNREACHABLE, node + " did not answer the " + what + " within "
                        + target.answerTimeout().toSeconds() + " s");
            }
            if (cause instanceof IOException) {
                throw new QueryFailure(QueryExit.UNREACHABLE, "cannot connect to " + node + ": " + cause.getMessage());
            }
            throw new QueryFailure(QueryExit.FAILED, "the " + what + " to " + node + " failed: " + cause);
        }
    }

    @Override
    public void close() {
        session.close();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }
}
