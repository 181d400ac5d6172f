package org.hn.node.cli.client;

/** A query that did not get its answer, with the exit code it ends the command with. */
final class QueryFailure extends Exception {

    private final QueryExit exit;

    /**
     * @param exit    how the command exits, never {@link QueryExit#OK}
     * @param message what went wrong, for stderr, naming the node or file concerned
     */
    QueryFailure(QueryExit exit, String message) {
        super(message);
        this.exit = exit;
    }

    QueryExit exit() {
        return exit;
    }
}
