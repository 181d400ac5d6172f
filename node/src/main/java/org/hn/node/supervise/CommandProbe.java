package org.hn.node.supervise;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link HealthProbe} that runs a status command (by default {@code hn status --json}) and reads its exit code. */
public final class CommandProbe implements HealthProbe {

    private static final Logger LOG = LoggerFactory.getLogger(CommandProbe.class);

    private final ExternalCommand command;

    public CommandProbe(ExternalCommand command) {
        this.command = command;
    }

    @Override
    public ProbeResult probe() {
        try {
            ExternalCommand.Result result = command.run();
            if (result.timedOut()) {
                LOG.warn("'{}' did not answer within {}", command, command.timeout());
                return ProbeResult.FAILED;
            }
            return ProbeResult.ofExitCode(result.exitCode());
        } catch (IOException e) {
            LOG.warn("'{}' cannot run: {}", command, e.getMessage());
            return ProbeResult.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.FAILED;
        }
    }
}
