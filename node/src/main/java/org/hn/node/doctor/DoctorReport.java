package org.hn.node.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The findings of one doctor run, in the order the checks ran, with the overall verdict and exit code.
 *
 * @param findings one per check
 */
public record DoctorReport(List<Finding> findings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public DoctorReport {
        findings = List.copyOf(findings);
    }

    /**
     * Runs the checks in order. A check that breaks its contract by throwing is reported {@link Verdict#UNKNOWN}
     * with the exception, so that one broken check never hides the others.
     *
     * @param before findings made before the checks (e.g. the settings file's), listed first
     */
    public static DoctorReport examine(List<Finding> before, List<? extends Check> checks) {
        List<Finding> findings = new ArrayList<>(before);
        for (Check check : checks) {
            try {
                findings.add(check.run());
            } catch (RuntimeException e) {
                findings.add(Finding.unknown(check.name(), "the check failed: " + e,
                        "run again; if it persists, report it with this line"));
            }
        }
        return new DoctorReport(findings);
    }

    /** {@code fail} if any check failed, else {@code warn} if any warned, else {@code ok}; unknowns do not count. */
    public Verdict verdict() {
        if (count(Verdict.FAIL) > 0) {
            return Verdict.FAIL;
        }
        return count(Verdict.WARN) > 0 ? Verdict.WARN : Verdict.OK;
    }

    /** 0 when no check failed, 1 otherwise. */
    public int exitCode() {
        return verdict() == Verdict.FAIL ? 1 : 0;
    }

    /** How many findings have the verdict. */
    public long count(Verdict verdict) {
        return findings.stream().filter(finding -> finding.verdict() == verdict).count();
    }

    /**
     * The report for people: one line per finding ({@code verdict  check  summary}), a {@code fix:} line under each
     * one that is not ok, then a tally such as {@code 1 fail, 2 warn, 1 unknown, 6 ok}.
     */
    public List<String> textLines() {
        List<String> lines = new ArrayList<>();
        int nameWidth = findings.stream().mapToInt(finding -> finding.check().length()).max().orElse(0);
        String indent = " ".repeat(8 + nameWidth + 2);
        for (Finding finding : findings) {
            lines.add(String.format(Locale.ROOT, "%-8s%-" + (nameWidth + 2) + "s%s", finding.verdict().label(),
                    finding.check(), finding.summary()));
            if (finding.fix() != null) {
                lines.add(indent + "fix: " + finding.fix());
            }
        }
        List<String> tally = new ArrayList<>();
        for (Verdict verdict : List.of(Verdict.FAIL, Verdict.WARN, Verdict.UNKNOWN, Verdict.OK)) {
            tally.add(count(verdict) + " " + verdict.label());
        }
        lines.add(String.join(", ", tally));
        return lines;
    }

    /**
     * The report for monitoring, one JSON document: {@code {"verdict": "warn", "counts": {"ok": 6, "warn": 2, "fail":
     * 0, "unknown": 1}, "checks": [{"check": "clock", "verdict": "ok", "summary": "…", "fix": null}, …]}}.
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("verdict", verdict().label());
        ObjectNode counts = root.putObject("counts");
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict.label(), count(verdict));
        }
        ArrayNode checks = root.putArray("checks");
        for (Finding finding : findings) {
            ObjectNode entry = checks.addObject();
            entry.put("check", finding.check());
            entry.put("verdict", finding.verdict().label());
            entry.put("summary", finding.summary());
            entry.put("fix", finding.fix());
        }
        return root.toString();
    }
}
