package org.hn.node.client;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.hn.node.peers.ConnectionStats;
import org.hn.node.peers.PeerKey;
import org.hn.node.wire.frame.FrameFormat;
import org.hn.node.wire.hello.HelloParseException;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.proto.Command;

/**
 * An outbound connection after its hello was answered: requests and their answers, one at a time
 * ({@code spec/wire.md §6.2}). Safe to call from any thread.
 */
public final class ClientSession implements AutoCloseable {

    private final Channel channel;
    private final AnswerHandler answers;
    private final PeerKey peer;
    private final FrameFormat framing;
    private final ConnectionStats stats;
    private final Duration answerTimeout;
    private volatile String peerHelloText = "";

    ClientSession(Channel channel, AnswerHandler answers, PeerKey peer, FrameFormat framing, ConnectionStats stats,
                  Duration answerTimeout) {
        this.channel = channel;
        this.answers = answers;
        this.peer = peer;
        this.framing = framing;
        this.stats = stats;
        this.answerTimeout = answerTimeout;
    }

    /**
     * Sends a request and completes with the peer's next command, whatever it is (the caller checks it is
     * the expected answer). Fails with {@link java.util.concurrent.TimeoutException} after the answer timeout,
     * {@link PeerClosedException} if the peer closes first (both end the connection), or
     * {@link IllegalStateException} if another request is still in flight.
     */
    public CompletableFuture<Command> request(Command request) {
        CompletableFuture<Command> answer = new CompletableFuture<>();
        onEventLoop(() -> answers.ask(request, answer, answerTimeout), answer);
        return answer;
    }

    /** Sends a command that gets no answer (e.g. {@code ping}); completes once written. */
    public CompletableFuture<Void> send(Command command) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        onEventLoop(() -> answers.send(command).whenComplete((done, failure) -> {
            if (failure == null) {
                written.complete(null);
            } else {
                written.completeExceptionally(failure);
            }
        }), written);
        return written;
    }

    /** Runs a task on the connection's event loop, failing {@code result} if the loop is shut down. */
    private void onEventLoop(Runnable task, CompletableFuture<?> result) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new PeerClosedException("event loop shut down"));
        }
    }

    /** The peer's IP and the port we connected to. */
    public PeerKey peer() {
        return peer;
    }

    /** The framing this connection speaks. */
    public FrameFormat framing() {
        return framing;
    }

    /** This connection's counters; the daemon registers them with the outbound registry entry. */
    public ConnectionStats stats() {
        return stats;
    }

    /** The hello string the peer answered, as received (the reference does not validate it). */
    public String peerHelloText() {
        return peerHelloText;
    }

    /** The peer's hello, if it is well formed. */
    public Optional<HelloString> peerHello() {
        try {
            return Optional.of(HelloString.parse(peerHelloText));
        } catch (HelloParseException e) {
            return Optional.empty();
        }
    }

    void peerHelloText(String text) {
        this.peerHelloText = text;
    }

    /** Whether the connection is still open. */
    public boolean isOpen() {
        return channel.isActive();
    }

    /** Completes when the connection has closed, from either side. */
    public CompletableFuture<Void> closed() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        channel.closeFuture().addListener(future -> closed.complete(null));
        return closed;
    }

    @Override
    public void close() {
        channel.close();
    }
}
