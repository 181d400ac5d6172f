package org.hn.node.supervise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e.getMessage()).append(')');
            }
        }, "command-output");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            reader.join(1000);
            return new Result(-1, output.toString().strip());
        }
        reader.join(1000);
        return new Result(process.exitValue(), output.toString().strip());
    }

    /** The command as one line, for logs. */
    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
