package org.hn.node.cli.client;

/**
 * The exit codes of the client commands ({@code spec/client.md §5}, careful variant; {@code DESIGN.md §1}), shared by
 * every query so that scripts can tell the outcomes apart.
 */
enum QueryExit {
    /** The node answered. */
    OK(0),
    /** Bad usage, or a local file (settings, wallet, token secret) that cannot be used. */
    FAILED(1),
    /** No connection, no answer in time, or the connection closed before the answer. */
    UNREACHABLE(2),
    /** The node answered {@code ko}: hello refused, token refused, or the request refused, with its reason. */
    REFUSED(3),
    /** The node answered but is unhealthy ({@link NodeHealth}); the answer is printed all the same. */
    UNHEALTHY(4),
    /** The block, transaction or round asked for is not known to the node; JSON output is {@code false}. */
    NOT_FOUND(5);

    private final int code;

    QueryExit(int code) {
        this.code = code;
    }

    /** The process exit status. */
    int code() {
        return code;
    }
}
