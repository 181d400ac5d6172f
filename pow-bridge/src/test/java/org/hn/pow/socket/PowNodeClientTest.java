package org.hn.pow.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.PowLedgerUnavailableException.Reason;
import org.junit.jupiter.api.Test;

/** The socket client against a fake PoW node on a loopback port ({@code spec/pow.md §9}). */
class PowNodeClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String A1 = "dfc36a1516370909ad0ddf3e3203f02e712626f5455749c65f429aa4";
    private static final String A15 = "da5c2615a484b3dac86f5ab05b4f1aad986f7b3c634ce781ae65f4fb";
    private static final String ROUND_192 = "{\"params\": {\"pos_round\": 192, \"ref_timestamp\": 1535403600.0, "
            + "\"pow_height\": 0, \"ref_height\": 780100}, \"status\": \"2 PoW Valid HN.\", \"regs\": {"
            + "\"" + A15 + "\": {\"ip\": \"198.51.100.22\", \"port\": \"69x9\", \"pos\": \"B8stX39s5NBFx746ZX5dcqzpuUGjQPJViC\", "
            + "\"reward\": \"" + A15 + "\", \"weight\": 3, \"timestamp\": 1535098409.63, \"active\": true}, "
            + "\"" + A1 + "\": {\"ip\": \"198.51.100.1\", \"port\": \"6969\", \"pos\": \"BLvTAjom84jjYw96q6wHZnjCxfBca9ihtd\", "
            + "\"reward\": \"" + A1 + "\", \"weight\": 0, \"timestamp\": 1535403590, \"active\": true}}}";

    private static PowNodeClient client(FakePowNode node) {
        return new PowNodeClient(node.address(), TIMEOUT);
    }

    @Test
    void registrationsOfRoundSendTheReferenceCommandAndKeepTheAnswerOrder() throws Exception {
        try (FakePowNode node = FakePowNode.answering(ROUND_192)) {
            List<PowRegistration> registrations = client(node).registrationsOfRound(192, 1_535_403_600L);
            assertEquals("\"HN_reg_round 192 1535403600 0 False\"", node.receivedPayload());
            assertEquals(List.of(
                    new PowRegistration(A15, "198.51.100.22", "69x9", "B8stX39s5NBFx746ZX5dcqzpuUGjQPJViC", A15, 3,
                            new BigDecimal("1535098409.63"), true),
                    new PowRegistration(A1, "198.51.100.1", "6969", "BLvTAjom84jjYw96q6wHZnjCxfBca9ihtd", A1, 0,
                            new BigDecimal("1535403590"), true)), registrations);
        }
    }

    @Test
    void aFalseAnswerMeansThePowNodeIsLate() throws Exception {
        try (FakePowNode node = FakePowNode.answering("false")) {
            assertEquals(Reason.REFUSED, assertThrows(PowLedgerUnavailableException.class,
                    () -> client(node).registrationsOfRound(193, 1_535_407_200L)).reason());
        }
    }

    @Test
    void blockBeforeTimestampAndLastBlockTimestamp() throws Exception {
        try (FakePowNode node = FakePowNode.answering("780100")) {
            assertEquals(780_100, client(node).blockBeforeTimestamp(1_535_403_600L));
            assertEquals("\"HN_block_before_ts 1535403600\"", node.receivedPayload());
        }
        try (FakePowNode node = FakePowNode.answering("0")) {
            assertEquals(Reason.REFUSED, assertThrows(PowLedgerUnavailableException.class,
                    () -> client(node).blockBeforeTimestamp(1_535_407_200L)).reason());
        }
        try (FakePowNode node = FakePowNode.answering("1535405400.0")) {
            assertEquals(0, new BigDecimal("1535405400").compareTo(client(node).lastBlockTimestamp()));
            assertEquals("\"HN_last_block_ts\"", node.receivedPayload());
        }
    }

    @Test
    void malformedAnswersAreBadAnswers() throws Exception {
        for (String answer : new String[] {"{\"status\": \"x\"}", "{\"regs\": {\"" + A1 + "\": {\"ip\": 1}}}",
                "{\"regs\": {\"" + A1 + "\": {\"ip\": \"1.2.3.4\", \"port\": \"1\", \"pos\": \"p\", \"reward\": \"r\", "
                        + "\"weight\": 99999999999, \"timestamp\": 1}}}", "{not json"}) {
            try (FakePowNode node = FakePowNode.answering(answer)) {
                assertEquals(Reason.BAD_ANSWER, assertThrows(PowLedgerUnavailableException.class,
                        () -> client(node).registrationsOfRound(192, 1_535_403_600L)).reason(), answer);
            }
        }
        try (FakePowNode node = new FakePowNode("12345abcde".getBytes(StandardCharsets.US_ASCII))) {
            assertEquals(Reason.BAD_ANSWER, assertThrows(PowLedgerUnavailableException.class,
                    () -> client(node).lastBlockTimestamp()).reason());
        }
    }

    @Test
    void aNodeThatClosesWithoutAnsweringIsAConnectionFailure() throws Exception {
        try (FakePowNode node = new FakePowNode(null)) {
            assertEquals(Reason.CONNECTION_FAILED, assertThrows(PowLedgerUnavailableException.class,
                    () -> client(node).registrationsOfRound(192, 1_535_403_600L)).reason());
        }
    }
}
