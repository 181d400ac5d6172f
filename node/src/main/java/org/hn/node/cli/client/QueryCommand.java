package org.hn.node.cli.client;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.hn.node.service.PythonJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every query command does, written once: resolve the {@link NodeOptions}, open a {@link NodeConnection}, let
 * the command ask and render its answer, print it (text, or one JSON document with {@code --json}) and exit with
 * the {@link QueryExit} code. Failures go to stderr as one line {@code hn <command>: <reason>}; stdout then stays
 * empty.
 */
@Command(
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeOnInvalidInput = 1,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the node answered",
            "1:bad usage, or a local file (hn.conf, wallet, jwt.secret) cannot be used",
            "2:the node is unreachable or did not answer in time",
            "3:the node refused the hello, the token or the request (its reason on stderr)",
            "4:the node is unhealthy (hn status only; the status is printed all the same)",
            "5:the block, transaction or round is not known to the node (JSON: false)"
        })
abstract class QueryCommand implements Callable<Integer> {

    @Mixin
    NodeOptions options;

    @Spec
    CommandSpec spec;

    private final Clock clock = Clock.systemUTC();

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            QueryTarget target = options.target(System.getenv(), clock);
            Rendered rendered;
            try (NodeConnection connection = NodeConnection.open(target, clock)) {
                rendered = query(connection, clock);
            }
            if (options.json) {
                out.println(PythonJson.render(rendered.json()));
                rendered.notes().forEach(note -> err.println("hn " + spec.name() + ": " + note));
            } else {
                out.print(rendered.human());
            }
            out.flush();
            err.flush();
            return rendered.exit().code();
        } catch (QueryFailure e) {
            err.println("hn " + spec.name() + ": " + e.getMessage());
            err.flush();
            return e.exit().code();
        }
    }

    /**
     * Asks the node and renders the answer.
     *
     * @param clock the time answers are received at, for the figures the client adds (rtt, {@code received})
     * @throws QueryFailure when the node does not answer as expected
     */
    abstract Rendered query(NodeConnection node, Clock clock) throws QueryFailure;
}
