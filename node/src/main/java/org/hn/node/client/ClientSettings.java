package org.hn.node.client;

import java.net.InetAddress;
import java.time.Duration;
import org.hn.config.Network;
import org.hn.node.wire.frame.FrameSettings;

/**
 * Limits of outbound connections, and the local address they leave from.
 *
 * @param frames         framing limits and network magic
 * @param connectTimeout TCP connect bound, > 0 ({@code LTIMEOUT} 45 s for workers, 5 s for block pushes and tests)
 * @param answerTimeout  bound on waiting for one answer, the hello's included, > 0 (90 s; tools 30 s)
 * @param localAddress   source IP every outbound connection binds before connecting (local port chosen by the
 *                       system), the reference's optional source IP ({@code spec/wire.md §6.2 step 1}); null lets
 *                       the system choose. Peers check that the sender IP is registered, so a node registered
 *                       under one of several local IPs (e.g. {@code 127.0.0.x} on a devnet) must send from it.
 */
public record ClientSettings(FrameSettings frames, Duration connectTimeout, Duration answerTimeout,
                             InetAddress localAddress) {

    /** @throws IllegalArgumentException if a value is missing or a timeout is not positive */
    public ClientSettings {
        if (frames == null || !isPositive(connectTimeout) || !isPositive(answerTimeout)) {
            throw new IllegalArgumentException("invalid client settings: " + frames + ", " + connectTimeout + ", "
                    + answerTimeout);
        }
    }

    /** Settings whose connections leave from an address the system chooses. */
    public ClientSettings(FrameSettings frames, Duration connectTimeout, Duration answerTimeout) {
        this(frames, connectTimeout, answerTimeout, null);
    }

    /** Long-lived worker defaults ({@code spec/wire.md §7}): connect 45 s, answers 90 s. */
    public static ClientSettings workers(Network network) {
        return new ClientSettings(FrameSettings.defaults(network), Duration.ofSeconds(45), Duration.ofSeconds(90));
    }

    /** One-shot defaults ({@code spec/wire.md §6.7, §6.8}): connect 5 s, answers 30 s. */
    public static ClientSettings oneShot(Network network) {
        return new ClientSettings(FrameSettings.defaults(network), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** A copy whose connections bind {@code source} (null: the system chooses) before connecting. */
    public ClientSettings withLocalAddress(InetAddress source) {
        return new ClientSettings(frames, connectTimeout, answerTimeout, source);
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
