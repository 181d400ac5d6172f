package org.hn.node.doctor;

import java.util.Locale;

/** How a doctor check came out, from best to worst; {@link #UNKNOWN} never makes the doctor fail. */
public enum Verdict {
    /** Nothing to do. */
    OK,
    /** Works, but the operator should look at it. */
    WARN,
    /** The node cannot work as it should until this is fixed: the doctor exits with 1. */
    FAIL,
    /** The check could not tell (offline, nothing to look at yet). */
    UNKNOWN;

    /** The lower-case name used in the text and JSON reports ({@code ok}, {@code warn}, {@code fail}, {@code unknown}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
