package org.hn.pow.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.PowLedgerUnavailableException.Reason;

/**
 * Asks a Bismuth PoW node running the hypernode plugin ({@code spec/pow.md §9}) over its socket API: one
 * connection per command, the legacy framing of §9.1, the command and its parameters in one JSON string.
 *
 * <p>One attempt per call: the caller decides about retries (the reference retries 3 times, 2 s apart, then exits
 * — we never exit). Thread-safe.
 */
public final class PowNodeClient {

    /** Largest answer accepted; a full {@code HN_reg_round} answer is a few hundred kilobytes at most. */
    public static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final InetSocketAddress address;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * @param address the PoW node (default {@code 127.0.0.1:5658}); the plugin answers only to 127.0.0.1
     * @param timeout connect and answer timeout of one command (the reference allows 240 s for {@code HN_reg_round})
     */
    public PowNodeClient(InetSocketAddress address, Duration timeout) {
        this.address = Objects.requireNonNull(address, "address");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Sends one command string and returns the answer.
     *
     * @param command e.g. {@code "HN_reg_round 192 1535403600 0 False"}
     * @throws PowLedgerUnavailableException CONNECTION_FAILED (unreachable, closed, timed out) or BAD_ANSWER
     */
    public JsonNode command(String command) throws PowLedgerUnavailableException {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            LegacyFrame.write(socket.getOutputStream(), json.writeValueAsString(command));
            return json.readTree(LegacyFrame.read(socket.getInputStream(), MAX_ANSWER_BYTES));
        } catch (JsonProcessingException | ProtocolException e) {
            throw new PowLedgerUnavailableException(Reason.BAD_ANSWER, command + " to " + address + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new PowLedgerUnavailableException(Reason.CONNECTION_FAILED, command + " to " + address + ": " + e,
                    e);
        }
    }

    /**
     * {@code HN_last_block_ts}: timestamp of the PoW node's last block (of its first stored row, §6.4).
     *
     * @return unix seconds
     * @throws PowLedgerUnavailableException REFUSED when the node answers 0, or as {@link #command}
     */
    public BigDecimal lastBlockTimestamp() throws PowLedgerUnavailableException {
        BigDecimal timestamp = number(command("HN_last_block_ts"), "HN_last_block_ts");
        if (timestamp.signum() <= 0) {
            throw new PowLedgerUnavailableException(Reason.REFUSED, "HN_last_block_ts answered " + timestamp);
        }
        return timestamp;
    }

    /**
     * {@code HN_block_before_ts}: the reference block of a reference timestamp, with the 21-block rule applied by
     * the plugin (§5.1).
     *
     * @param referenceTimestamp unix seconds
     * @throws PowLedgerUnavailableException REFUSED when the node answers 0 (late or unknown), or as
     *                                       {@link #command}
     */
    public long blockBeforeTimestamp(long referenceTimestamp) throws PowLedgerUnavailableException {
        BigDecimal height = number(command("HN_block_before_ts " + referenceTimestamp), "HN_block_before_ts");
        if (height.signum() <= 0) {
            throw new PowLedgerUnavailableException(Reason.REFUSED,
                    "HN_block_before_ts " + referenceTimestamp + " answered " + height + ": PoW node late");
        }
        return height.longValueExact();
    }

    /**
     * {@code HN_reg_round <round> <ref_ts> 0 False}: the registry the plugin computed for a round (§5.6, §6.2),
     * in its order.
     *
     * @throws PowLedgerUnavailableException REFUSED when the node answers {@code false}, BAD_ANSWER when the answer
     *                                       lacks {@code regs} or an entry lacks a field, or as {@link #command}
     */
    public List<PowRegistration> registrationsOfRound(long round, long referenceTimestamp)
            throws PowLedgerUnavailableException {
        String command = "HN_reg_round " + round + " " + referenceTimestamp + " 0 False";
        JsonNode answer = command(command);
        if (answer.isBoolean() && !answer.booleanValue()) {
            throw new PowLedgerUnavailableException(Reason.REFUSED, command + " answered false: PoW node late or failed");
        }
        JsonNode regs = answer.path("regs");
        if (!regs.isObject()) {
            throw new PowLedgerUnavailableException(Reason.BAD_ANSWER, command + " answer has no regs object");
        }
        List<PowRegistration> registrations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : regs.properties()) {
            registrations.add(registration(entry.getKey(), entry.getValue()));
        }
        return registrations;
    }

    private static PowRegistration registration(String registrar, JsonNode entry)
            throws PowLedgerUnavailableException {
        JsonNode timestamp = entry.path("timestamp");
        if (!entry.path("ip").isTextual() || !entry.path("port").isTextual() || !entry.path("pos").isTextual()
                || !entry.path("reward").isTextual() || !entry.path("weight").isIntegralNumber()
                || !entry.path("weight").canConvertToInt()
                || !timestamp.isNumber()) {
            throw new PowLedgerUnavailableException(Reason.BAD_ANSWER, "malformed regs entry for " + registrar);
        }
        return new PowRegistration(registrar, entry.get("ip").asText(), entry.get("port").asText(),
                entry.get("pos").asText(), entry.get("reward").asText(), entry.get("weight").intValue(),
                timestamp.decimalValue(), entry.path("active").asBoolean(true));
    }

    private static BigDecimal number(JsonNode answer, String command) throws PowLedgerUnavailableException {
        if (!answer.isNumber()) {
            throw new PowLedgerUnavailableException(Reason.BAD_ANSWER, command + " answered " + answer);
        }
        return answer.decimalValue();
    }
}
