package org.hn.node.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.hn.node.wire.proto.Command;

/**
 * The {@code hn peer} log: one JSON object per line, each starting with {@code time} (ISO-8601 UTC, milliseconds)
 * and {@code peer} ({@code host:port}), then either
 * <ul>
 *   <li>{@code "direction": "sent"|"received"} and the message's fields ({@link MessageJson}); a {@code raw} send
 *       adds {@code raw} (the payload in hex) and, if the payload is not a {@code Command}, {@code decode_error}
 *       instead of the fields;</li>
 *   <li>{@code "event": "connected"} with {@code framing} ({@code v2} or {@code legacy}), {@code "event": "closed"},
 *       {@code "event": "timeout"} with {@code waited_ms}, or {@code "event": "error"} with {@code error} (and
 *       {@code input}, the line, when the input was at fault).</li>
 * </ul>
 * Safe to call from any thread; lines never interleave.
 */
public final class EventLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final Clock clock;
    private final String peer;
    private int errors;

    /**
     * @param out   where the lines go
     * @param clock the time of each line
     * @param peer  {@code host:port}, on every line
     */
    public EventLog(PrintWriter out, Clock clock, String peer) {
        this.out = out;
        this.clock = clock;
        this.peer = peer;
    }

    private ObjectNode line() {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", TIME.format(clock.instant()));
        line.put("peer", peer);
        return line;
    }

    private synchronized void write(ObjectNode line) {
        out.println(line.toString());
        out.flush();
    }

    /** A message we sent. */
    public void sent(Command command) {
        ObjectNode line = line();
        line.put("direction", "sent");
        MessageJson.fill(line, command);
        write(line);
    }

    /** A raw payload we sent, with its fields when it parses as a {@code Command}. */
    public void sentRaw(byte[] payload, Command parsed, String decodeError) {
        ObjectNode line = line();
        line.put("direction", "sent");
        line.put("raw", HexFormat.of().formatHex(payload));
        if (parsed != null) {
            MessageJson.fill(line, parsed);
        } else {
            line.put("decode_error", decodeError);
        }
        write(line);
    }

    /** A message the peer sent. */
    public void received(Command command) {
        ObjectNode line = line();
        line.put("direction", "received");
        MessageJson.fill(line, command);
        write(line);
    }

    /** The connection is open, speaking {@code framing} ({@code v2} or {@code legacy}). */
    public void connected(String framing) {
        ObjectNode line = line();
        line.put("event", "connected");
        line.put("framing", framing);
        write(line);
    }

    /** The connection has closed, from either side. */
    public void closed() {
        ObjectNode line = line();
        line.put("event", "closed");
        write(line);
    }

    /** No message arrived within {@code waitedMillis} after a request. */
    public void timeout(long waitedMillis) {
        ObjectNode line = line();
        line.put("event", "timeout");
        line.put("waited_ms", waitedMillis);
        write(line);
    }

    /**
     * Something went wrong; the shell goes on.
     *
     * @param input the input line at fault, or null when the fault is not the input's (a refused connection)
     */
    public void error(String input, String error) {
        ObjectNode line = line();
        line.put("event", "error");
        if (input != null) {
            line.put("input", input);
        }
        line.put("error", error);
        synchronized (this) {
            errors++;
        }
        write(line);
    }

    /** How many errors were logged. */
    public synchronized int errors() {
        return errors;
    }
}
