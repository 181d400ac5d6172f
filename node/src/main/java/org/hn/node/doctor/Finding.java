package org.hn.node.doctor;

import java.util.Objects;

/**
 * What one doctor check found.
 *
 * @param check   the check's stable name, e.g. {@code clock}, for monitoring rules
 * @param verdict how it came out
 * @param summary one line saying what was seen, with its figures and units
 * @param fix     one line saying what to do about it; null when the verdict is {@link Verdict#OK}
 */
public record Finding(String check, Verdict verdict, String summary, String fix) {

    /** @throws IllegalArgumentException if a part is missing, or a fix is missing from (or given with) a verdict */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
        if ((verdict == Verdict.OK) != (fix == null)) {
            throw new IllegalArgumentException("a fix is given exactly when the verdict is not ok: " + verdict + ", " + fix);
        }
    }

    public static Finding ok(String check, String summary) {
        return new Finding(check, Verdict.OK, summary, null);
    }

    public static Finding warn(String check, String summary, String fix) {
        return new Finding(check, Verdict.WARN, summary, fix);
    }

    public static Finding fail(String check, String summary, String fix) {
        return new Finding(check, Verdict.FAIL, summary, fix);
    }

    public static Finding unknown(String check, String summary, String fix) {
        return new Finding(check, Verdict.UNKNOWN, summary, fix);
    }
}
