package org.hn.node.supervise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An operating-system command run to completion with a time limit, such as {@code systemctl restart hn} or
 * {@code hn status --json}. Its output (stdout and stderr merged) is kept for the log.
 *
 * @param command the program and its arguments, never empty
 * @param timeout how long the command may run before it is killed
 */
public record ExternalCommand(List<String> command, Duration timeout) {

    /** How a run ended: the exit code ({@code -1} if it was killed at the time limit) and its output. */
    public record Result(int exitCode, String output) {

        /** True if the command was killed at its time limit. */
        public boolean timedOut() {
            return exitCode == -1;
        }
    }

    public ExternalCommand {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program name");
        }
    }

    /**
     * Runs the command and waits for it.
     *
     * @throws IOException if the program cannot be started (not found, not executable)
     */
    public Result run() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // the commands run unattended: nothing to read on their input
        process.getOutputStream().close();
        // output is read on a side thread so that a chatty command cannot block on a full pipe
        FutureTask<String> output = new FutureTask<>(
                () -> new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        Thread reader = new Thread(output, "command-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        return new Result(finished ? process.exitValue() : -1, outputOf(output));
    }

    /** The output read so far; a grandchild that keeps the pipe open gets one second, then is ignored. */
    private static String outputOf(FutureTask<String> output) throws InterruptedException {
        try {
            return output.get(1, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    /** The command as one line, for logs. */
    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
