package org.hn.node.wire;

import io.netty.handler.codec.DecoderException;

/**
 * A peer broke the wire protocol ({@code spec/wire.md §1}, {@code DESIGN.md §4}); the connection is to be
 * dropped.
 *
 * <p>It extends Netty's {@link DecoderException} so that the decoders' base classes pass it through
 * unwrapped: the session handler sees this type, with its {@link Reason}, in its one
 * {@code exceptionCaught} and maps it to a single disconnect reason.
 */
public final class ProtocolBreachException extends DecoderException {

    /** What the peer did wrong. */
    public enum Reason {
        /** A frame announced a payload longer than the configured cap (64 MiB by default). */
        FRAME_TOO_LARGE,
        /** A legacy frame announced a negative payload length. */
        NEGATIVE_FRAME_LENGTH,
        /** No v2 frame magic within the resynchronisation window after garbage. */
        MAGIC_NOT_FOUND,
        /** A frame payload is not a protobuf {@code Command}. */
        MALFORMED_COMMAND,
        /** A {@code Command} carries a command id outside {@code Command.Type}. */
        UNKNOWN_COMMAND
    }

    private final Reason reason;

    /**
     * @param reason what the peer did wrong
     * @param detail human-readable facts for the log (sizes, offsets), without payload bytes
     */
    public ProtocolBreachException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** What the peer did wrong. */
    public Reason reason() {
        return reason;
    }
}
