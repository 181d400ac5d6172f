package org.hn.node.server;

import java.util.EnumSet;
import java.util.Set;
import org.hn.node.peers.Misbehaviour;
import org.hn.node.wire.proto.Command;

/**
 * A request the session cannot serve; the connection is closed, after a {@code ko} when the reason is
 * worth telling ({@code spec/wire.md §8}: for client-only commands, never for peer commands, whose
 * reference clients expect the matching answer or nothing).
 */
final class RequestException extends RuntimeException {

    /**
     * The client-only commands of {@code spec/wire.md §3}, which get a {@code ko} with a reason on failure.
     * {@code blocksync} stays a peer command: hypernodes use it too and expect the answer or nothing.
     */
    static final Set<Command.Type> CLIENT_ONLY = EnumSet.of(Command.Type.status, Command.Type.tx,
            Command.Type.update, Command.Type.getblock, Command.Type.getaddtxs, Command.Type.gettx,
            Command.Type.getheaders, Command.Type.getround, Command.Type.gethypernodes, Command.Type.getheights);

    private final transient Misbehaviour misbehaviour;
    private final String koReason;

    private RequestException(Misbehaviour misbehaviour, String koReason, String detail, Throwable cause) {
        super(detail, cause);
        this.misbehaviour = misbehaviour;
        this.koReason = koReason;
    }

    /** The peer's fault, answered with {@code ko} and the reason whatever the command (hello refusals). */
    static RequestException refused(Misbehaviour misbehaviour, String koReason, String detail) {
        return new RequestException(misbehaviour, koReason, detail, null);
    }

    /** A parameter that cannot be read; {@code koReason} is sent only for client-only commands. */
    static RequestException malformed(Command.Type type, String koReason, String detail) {
        return new RequestException(Misbehaviour.MALFORMED_PARAMETER, CLIENT_ONLY.contains(type) ? koReason : null,
                type + ": " + detail, null);
    }

    /** A valid request that cannot be answered (e.g. an unknown anchoring txid); not the peer's fault. */
    static RequestException unanswerable(Command.Type type, String koReason, String detail) {
        return new RequestException(null, CLIENT_ONLY.contains(type) ? koReason : null, type + ": " + detail, null);
    }

    /** A command this server does not serve here, treated like the reference's unknown command: close. */
    static RequestException unexpected(Command.Type type, String detail) {
        return new RequestException(Misbehaviour.UNEXPECTED_COMMAND, null, type + ": " + detail, null);
    }

    /** The node failed to serve a valid request; not the peer's fault. */
    static RequestException failed(Command.Type type, RuntimeException cause) {
        return new RequestException(null, CLIENT_ONLY.contains(type) ? type + " failed" : null,
                type + " failed: " + cause, cause);
    }

    /** What the peer did wrong, or null when the failure is ours. */
    Misbehaviour misbehaviour() {
        return misbehaviour;
    }

    /** The {@code ko} reason to send before closing, or null to close without answer. */
    String koReason() {
        return koReason;
    }
}
