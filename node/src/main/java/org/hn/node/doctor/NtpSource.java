package org.hn.node.doctor;

import java.io.IOException;
import java.time.Duration;

/** Asks an NTP server how far the local clock is off; injected so that the clock check can be tested exactly. */
@FunctionalInterface
public interface NtpSource {

    /**
     * @param server  host name or IP, optionally {@code :port} (default 123)
     * @param timeout how long to wait for the answer
     * @return the server's time minus the local clock's, in milliseconds: positive when the local clock is behind
     * @throws IOException when the server cannot be resolved or reached, or does not answer in time
     */
    long offsetMillis(String server, Duration timeout) throws IOException;
}
