package org.hn.node.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorReportTest {

    private static Check fixed(Finding finding) {
        return new Check() {
            @Override
            public String name() {
                return finding.check();
            }

            @Override
            public Finding run() {
                return finding;
            }
        };
    }

    @Test
    void aFailingCheckMakesExitCodeOne() {
        DoctorReport report = DoctorReport.examine(List.of(Finding.ok("settings", "network devnet")),
                List.of(fixed(Finding.warn("disk", "900 MiB free", "free space")),
                        fixed(Finding.fail("clock", "6 s behind", "run NTP"))));
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals(1, report.exitCode());
        assertEquals(List.of(
                "ok      settings  network devnet",
                "warn    disk      900 MiB free",
                "                  fix: free space",
                "fail    clock     6 s behind",
                "                  fix: run NTP",
                "1 fail, 1 warn, 0 unknown, 1 ok"), report.textLines());
    }

    @Test
    void unknownAndWarnDoNotFail() {
        DoctorReport report = DoctorReport.examine(List.of(),
                List.of(fixed(Finding.unknown("clock", "offline", "allow UDP 123")),
                        fixed(Finding.warn("port", "nothing listens", "start the node"))));
        assertEquals(Verdict.WARN, report.verdict());
        assertEquals(0, report.exitCode());
        DoctorReport allOk = DoctorReport.examine(List.of(), List.of(fixed(Finding.ok("java", "Java 17"))));
        assertEquals(Verdict.OK, allOk.verdict());
        assertEquals(0, allOk.exitCode());
    }

    @Test
    void jsonIsOneDocumentWithEveryFinding() {
        DoctorReport report = DoctorReport.examine(List.of(), List.of(fixed(Finding.ok("java", "Java 17")),
                fixed(Finding.fail("wallet", "missing \"x\"", "start the node"))));
        assertEquals("{\"verdict\":\"fail\",\"counts\":{\"ok\":1,\"warn\":0,\"fail\":1,\"unknown\":0},\"checks\":["
                + "{\"check\":\"java\",\"verdict\":\"ok\",\"summary\":\"Java 17\",\"fix\":null},"
                + "{\"check\":\"wallet\",\"verdict\":\"fail\",\"summary\":\"missing \\\"x\\\"\",\"fix\":\"start the node\"}]}",
                report.toJson());
    }

    @Test
    void aThrowingCheckIsReportedUnknownAndTheOthersStillRun() {
        Check broken = new Check() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Finding run() {
                throw new IllegalStateException("boom");
            }
        };
        DoctorReport report = DoctorReport.examine(List.of(), List.of(broken, fixed(Finding.ok("java", "Java 17"))));
        assertEquals(new Finding("broken", Verdict.UNKNOWN, "the check failed: java.lang.IllegalStateException: boom",
                "run again; if it persists, report it with this line"), report.findings().get(0));
        assertEquals("java", report.findings().get(1).check());
        assertEquals(0, report.exitCode());
    }

    @Test
    void aFindingHasAFixExactlyWhenNotOk() {
        assertThrows(IllegalArgumentException.class, () -> new Finding("x", Verdict.OK, "fine", "do something"));
        assertThrows(IllegalArgumentException.class, () -> new Finding("x", Verdict.FAIL, "broken", null));
    }
}
