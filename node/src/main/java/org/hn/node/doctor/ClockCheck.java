package org.hn.node.doctor;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code clock}: the local clock against NTP servers, asked in order until one answers. The node dates its
 * messages and slots by the local clock alone ({@code spec/rounds.md §2}), and peers refuse messages more than
 * {@code FUTURE_ALLOWED} = 5 s in the future ({@code spec/chain.md §5}): under 1 s is ok, under 5 s a warning,
 * 5 s or more a failure. No server answering (offline, UDP 123 blocked) is {@link Verdict#UNKNOWN}, not a failure.
 */
public final class ClockCheck implements Check {

    /** Offsets below this, in milliseconds, are ok. */
    public static final long WARN_MILLIS = 1_000;
    /** Offsets from this on, in milliseconds, fail: {@code FUTURE_ALLOWED}. */
    public static final long FAIL_MILLIS = 5_000;

    private static final String FIX = "enable time synchronisation: 'sudo timedatectl set-ntp true', or install chrony"
            + " ('sudo apt-get install chrony')";

    private final NtpSource ntp;
    private final List<String> servers;
    private final Duration timeout;

    /**
     * @param ntp     how servers are asked
     * @param servers host names or IPs, each optionally {@code :port}, asked in order
     * @param timeout per server
     */
    public ClockCheck(NtpSource ntp, List<String> servers, Duration timeout) {
        this.ntp = ntp;
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "clock";
    }

    @Override
    public Finding run() {
        List<String> failures = new ArrayList<>();
        for (String server : servers) {
            long offset;
            try {
                offset = ntp.offsetMillis(server, timeout);
            } catch (IOException e) {
                failures.add(server + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                continue;
            }
            String summary = String.format(Locale.ROOT, "the local clock is %.3f s %s %s", Math.abs(offset) / 1000.0,
                    offset > 0 ? "behind" : "ahead of", server);
            if (Math.abs(offset) < WARN_MILLIS) {
                return Finding.ok(name(), summary);
            }
            if (Math.abs(offset) < FAIL_MILLIS) {
                return Finding.warn(name(), summary, FIX);
            }
            return Finding.fail(name(), summary + "; peers refuse messages over 5 s in the future", FIX);
        }
        return Finding.unknown(name(), "no NTP server answered (" + String.join("; ", failures) + ")",
                "allow outgoing UDP to port 123, or name a reachable server with --ntp-server");
    }
}
