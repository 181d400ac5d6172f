package org.hn.node.supervise;

/**
 * What {@code hn status --json} says about the node, from its exit code (the {@code hn status} contract:
 * 0 ok, 2 unreachable, 3 refused, 4 unhealthy). Any other code, a timeout or a probe that cannot start is
 * {@link #FAILED}.
 */
public enum ProbeResult {
    /** The node answered and reports itself healthy. */
    OK,
    /** Nothing answers on the node's client port. */
    UNREACHABLE,
    /** The node answered but refused the query (token, allowlist). */
    REFUSED,
    /** The node answered and reports a problem (not synced, PoW late...). */
    UNHEALTHY,
    /** The probe itself failed: it timed out, could not start, or exited with another code. */
    FAILED;

    /** Maps an exit code of {@code hn status} to its meaning. */
    public static ProbeResult ofExitCode(int exitCode) {
        return switch (exitCode) {
            case 0 -> OK;
            case 2 -> UNREACHABLE;
            case 3 -> REFUSED;
            case 4 -> UNHEALTHY;
            default -> FAILED;
        };
    }
}
