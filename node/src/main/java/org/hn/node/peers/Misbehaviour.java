package org.hn.node.peers;

import org.hn.node.wire.ProtocolBreachException;

/**
 * What a peer did wrong on a connection, with the score {@link PeerScores} takes off its IP for it. Heavy
 * weights go to what no honest implementation does (broken framing, garbage); light ones to what a
 * flaky link or an outdated node may do (a corrupted frame, an unknown posnet).
 */
public enum Misbehaviour {
    /** A frame announced more than the payload cap ({@code spec/wire.md §1.4}). */
    FRAME_TOO_LARGE(50),
    /** A legacy frame announced a negative length. */
    NEGATIVE_FRAME_LENGTH(50),
    /** Garbage where a v2 magic should be, beyond the resynchronisation window ({@code DESIGN.md §4}). */
    MAGIC_NOT_FOUND(50),
    /** A payload that is not a protobuf {@code Command}. */
    MALFORMED_COMMAND(50),
    /** A command id outside the catalogue. */
    UNKNOWN_COMMAND(20),
    /** A v2 frame whose checksum does not match; dropped, the connection kept ({@code DESIGN.md §4}). */
    CHECKSUM_MISMATCH(10),
    /** A first message other than {@code hello}, {@code block} or {@code test} ({@code spec/wire.md §6.3}). */
    NO_HELLO(20),
    /** A hello string that is not 49 well-formed characters ({@code spec/wire.md §5.1}). */
    MALFORMED_HELLO(30),
    /** A posnet outside the allowed list ({@code spec/wire.md §4.1 step 2}). */
    BAD_POSNET(10),
    /** A known command this server does not serve at this point, e.g. a second {@code hello}. */
    UNEXPECTED_COMMAND(20),
    /** A request parameter that cannot be read (bad hex, bad number, bad address). */
    MALFORMED_PARAMETER(20),
    /** More requests queued ahead of their answers than any client that waits for answers would send. */
    REQUEST_FLOOD(50),
    /** Pushed a block that is forged, not its slot's, or badly linked or built. */
    INVALID_BLOCK(50);

    private final int weight;

    Misbehaviour(int weight) {
        this.weight = weight;
    }

    /** Points taken off the peer's score, > 0. */
    public int weight() {
        return weight;
    }

    /** The misbehaviour a wire breach stands for. */
    public static Misbehaviour of(ProtocolBreachException.Reason reason) {
        return switch (reason) {
            case FRAME_TOO_LARGE -> FRAME_TOO_LARGE;
            case NEGATIVE_FRAME_LENGTH -> NEGATIVE_FRAME_LENGTH;
            case MAGIC_NOT_FOUND -> MAGIC_NOT_FOUND;
            case MALFORMED_COMMAND -> MALFORMED_COMMAND;
            case UNKNOWN_COMMAND -> UNKNOWN_COMMAND;
        };
    }
}
