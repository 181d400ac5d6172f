package org.hn.node.network;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;

/**
 * A peer answered a request with another command than the one the request calls for ({@code spec/wire.md §3}:
 * every answer reuses the request's command id), e.g. {@code ko} to {@code blocksync}. The connection is no
 * longer trusted and is closed.
 */
public final class UnexpectedAnswerException extends IOException {

    /**
     * @param peer     the peer key, for the message
     * @param request  the command sent
     * @param answered the command received instead of the expected one
     */
    public UnexpectedAnswerException(String peer, Type request, Type answered) {
        super(peer + " answered " + answered + " to " + request);
    }

    /**
     * The answer, if it reuses the request's command id.
     *
     * @throws CompletionException wrapping this exception otherwise, to fail the future it is called in
     */
    static Command requireSameCommand(String peer, Command request, Command answer) {
        if (answer.getCommand() != request.getCommand()) {
            throw new CompletionException(new UnexpectedAnswerException(peer, request.getCommand(), answer.getCommand()));
        }
        return answer;
    }
}
