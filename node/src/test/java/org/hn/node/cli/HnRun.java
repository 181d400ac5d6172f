package org.hn.node.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One run of the {@code hn} command line inside the test's JVM, as an operator would type it: the exit code and
 * everything written to standard output and standard error.
 */
public record HnRun(int exit, String out, String err) {

    /** Runs {@code hn args…} on a fresh command line. */
    public static HnRun of(String... args) {
        return of(HnCommand.commandLine(), args);
    }

    /** Runs a command line a test has prepared (its own factory or settings) with fresh output buffers. */
    public static HnRun of(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new HnRun(exit, out.toString(), err.toString());
    }

    /** Standard output, line by line. */
    public List<String> outLines() {
        return out.lines().toList();
    }

    /** The last line of standard output (commands end with their summary line); empty output gives "". */
    public String lastOutLine() {
        List<String> lines = outLines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
