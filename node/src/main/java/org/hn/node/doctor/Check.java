package org.hn.node.doctor;

/**
 * One thing {@code hn doctor} examines ({@code DESIGN.md §1}). A check reads, never changes, the node's files
 * (the write-latency probe removes the file it writes) and reports whatever it sees as a {@link Finding}, never
 * by throwing: a check that cannot tell says {@link Verdict#UNKNOWN}.
 */
public interface Check {

    /** The stable name of this check, as in its findings. */
    String name();

    /** Examines and reports. */
    Finding run();
}
