package org.hn.node.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClockCheckTest {

    private static final String FIX = "enable time synchronisation: 'sudo timedatectl set-ntp true', or install chrony"
            + " ('sudo apt-get install chrony')";

    /** Answers from a table of offsets; a server missing from it times out. */
    private static final class ScriptedNtp implements NtpSource {
        final Map<String, Long> offsets;
        final List<String> asked = new ArrayList<>();

        ScriptedNtp(Map<String, Long> offsets) {
            this.offsets = offsets;
        }

        @Override
        public long offsetMillis(String server, Duration timeout) throws IOException {
            asked.add(server + " " + timeout.toMillis());
            Long offset = offsets.get(server);
            if (offset == null) {
                throw new SocketTimeoutException("Receive timed out");
            }
            return offset;
        }
    }

    private static Finding check(Map<String, Long> offsets, String... servers) {
        return new ClockCheck(new ScriptedNtp(offsets), List.of(servers), Duration.ofSeconds(2)).run();
    }

    @Test
    void underOneSecondIsOk() {
        assertEquals(Finding.ok("clock", "the local clock is 0.012 s behind a.example"),
                check(Map.of("a.example", 12L), "a.example"));
        assertEquals(Finding.ok("clock", "the local clock is 0.999 s ahead of a.example"),
                check(Map.of("a.example", -999L), "a.example"));
    }

    @Test
    void oneToFiveSecondsWarns() {
        assertEquals(Finding.warn("clock", "the local clock is 1.000 s behind a.example", FIX),
                check(Map.of("a.example", 1000L), "a.example"));
        assertEquals(Finding.warn("clock", "the local clock is 4.999 s ahead of a.example", FIX),
                check(Map.of("a.example", -4999L), "a.example"));
    }

    @Test
    void fiveSecondsOrMoreFailsBecausePeersRefuseFutureMessages() {
        assertEquals(Finding.fail("clock", "the local clock is 5.000 s ahead of a.example; peers refuse messages over"
                + " 5 s in the future", FIX), check(Map.of("a.example", -5000L), "a.example"));
    }

    @Test
    void serversAreAskedInOrderUntilOneAnswers() {
        ScriptedNtp ntp = new ScriptedNtp(Map.of("b.example", 40L, "c.example", 9000L));
        Finding finding = new ClockCheck(ntp, List.of("a.example", "b.example", "c.example"), Duration.ofMillis(300))
                .run();
        assertEquals(Finding.ok("clock", "the local clock is 0.040 s behind b.example"), finding);
        assertEquals(List.of("a.example 300", "b.example 300"), ntp.asked);
    }

    @Test
    void noAnswerIsUnknownNotAFailure() {
        assertEquals(Finding.unknown("clock", "no NTP server answered (a.example: Receive timed out; b.example: Receive"
                + " timed out)", "allow outgoing UDP to port 123, or name a reachable server with --ntp-server"),
                check(Map.of(), "a.example", "b.example"));
    }
}
