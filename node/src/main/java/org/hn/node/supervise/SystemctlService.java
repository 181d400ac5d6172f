package org.hn.node.supervise;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link ServiceControl} through {@code systemctl}: {@code is-active} for the state, {@code reset-failed} then
 * {@code restart} for a restart (the reset lets a unit that hit its start limit be started again).
 */
public final class SystemctlService implements ServiceControl {

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(120);

    private final String systemctl;
    private final String unit;

    /**
     * @param systemctl the systemctl program (a fake one in tests)
     * @param unit      the unit name, e.g. {@code hn}
     */
    public SystemctlService(String systemctl, String unit) {
        this.systemctl = systemctl;
        this.unit = unit;
    }

    @Override
    public UnitState state() {
        try {
            ExternalCommand.Result result = command("is-active", QUERY_TIMEOUT).run();
            return switch (result.output().lines().findFirst().orElse("").strip().toLowerCase(Locale.ROOT)) {
                case "active", "activating", "reloading" -> UnitState.ACTIVE;
                case "inactive" -> UnitState.INACTIVE;
                case "failed" -> UnitState.FAILED;
                default -> UnitState.OTHER;
            };
        } catch (IOException e) {
            return UnitState.OTHER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UnitState.OTHER;
        }
    }

    /**
     * The start of the unit's main process ({@code MainPID}, read from the process table): unlike
     * {@code ActiveEnterTimestamp} it needs no date parsing and works with every systemd version.
     */
    @Override
    public Optional<Instant> activeSince() {
        try {
            ExternalCommand show = new ExternalCommand(
                    List.of(systemctl, "show", "--property=MainPID", "--value", unit), QUERY_TIMEOUT);
            ExternalCommand.Result result = show.run();
            String pid = result.output().strip();
            if (result.exitCode() != 0 || !pid.matches("[1-9]\\d{0,9}")) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(pid)).flatMap(process -> process.info().startInstant());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void restart() throws IOException {
        try {
            command("reset-failed", QUERY_TIMEOUT).run();
            ExternalCommand.Result result = command("restart", RESTART_TIMEOUT).run();
            if (result.exitCode() != 0) {
                throw new IOException(systemctl + " restart " + unit + " failed (exit " + result.exitCode() + "): "
                        + result.output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while restarting " + unit, e);
        }
    }

    private ExternalCommand command(String verb, Duration timeout) {
        return new ExternalCommand(List.of(systemctl, verb, unit), timeout);
    }
}
