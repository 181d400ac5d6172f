package org.hn.node.round;

/**
 * Told by the {@link RoundDriver} about round boundaries, on the driver's thread and under its lock: keep the
 * work short. A listener that throws is logged and the driver goes on.
 */
public interface RoundListener {

    /**
     * The schedule of {@code context.round()} was computed: at the round start, and again when a catch-up made
     * the driver recompute the round (§6.9 step 3).
     */
    void roundPrepared(RoundContext context);

    /**
     * {@code ended} is over: called once per round, at the first round change after it (so for the last round
     * before a stop, never).
     *
     * @param nowSeconds local time of the round change, unix seconds
     */
    void roundEnded(RoundContext ended, long nowSeconds);
}
