package org.hn.node.client;

import java.time.Duration;
import org.hn.config.Network;
import org.hn.node.wire.frame.FrameSettings;

/**
 * Limits of outbound connections.
 *
 * @param frames         framing limits and network magic
 * @param connectTimeout TCP connect bound, > 0 ({@code LTIMEOUT} 45 s for workers, 5 s for block pushes and tests)
 * @param answerTimeout  bound on waiting for one answer, the hello's included, > 0 (90 s; tools 30 s)
 */
public record ClientSettings(FrameSettings frames, Duration connectTimeout, Duration answerTimeout) {

    /** @throws IllegalArgumentException if a value is missing or a timeout is not positive */
    public ClientSettings {
        if (frames == null || !isPositive(connectTimeout) || !isPositive(answerTimeout)) {
            throw new IllegalArgumentException("invalid client settings: " + frames + ", " + connectTimeout + ", "
                    + answerTimeout);
        }
    }

    /** Long-lived worker defaults ({@code spec/wire.md §7}): connect 45 s, answers 90 s. */
    public static ClientSettings workers(Network network) {
        return new ClientSettings(FrameSettings.defaults(network), Duration.ofSeconds(45), Duration.ofSeconds(90));
    }

    /** One-shot defaults ({@code spec/wire.md §6.7, §6.8}): connect 5 s, answers 30 s. */
    public static ClientSettings oneShot(Network network) {
        return new ClientSettings(FrameSettings.defaults(network), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
