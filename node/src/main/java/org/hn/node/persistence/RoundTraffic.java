package org.hn.node.persistence;

/** Where a {@link RoundRecorder} reads the traffic of each round. */
@FunctionalInterface
public interface RoundTraffic {

    /** The traffic since the previous call (since the process started, at the first call); starts a new span. */
    Traffic takeRound();
}
