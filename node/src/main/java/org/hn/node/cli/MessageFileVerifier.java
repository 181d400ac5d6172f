package org.hn.node.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hn.chain.message.InvalidMessageException;
import org.hn.chain.message.MalformedRowException;
import org.hn.chain.message.MessageRows;
import org.hn.chain.message.MessageVerifier;
import org.hn.chain.message.PosMessage;

/**
 * Verifies every message of a JSON file holding an array of rows in the 10-element form of
 * {@code spec/chain.md §4.5}, on several threads.
 *
 * <p>The file is streamed: the reading thread parses one row at a time and hands chunks of rows to a fixed
 * pool, keeping only a bounded number of chunks in flight, so memory does not grow with the file. Chunk
 * results are added up in file order, which keeps the reported first failures the earliest ones. A row that
 * is not a well-formed message counts as invalid ({@link #MALFORMED_ROW}); only a file that is unreadable or
 * not a JSON array stops the run.
 */
final class MessageFileVerifier {

    /** The reason counted for a row that is not the 10-element form. */
    static final String MALFORMED_ROW = "malformed row";

    private static final int ROWS_PER_CHUNK = 256;
    private static final int CHUNKS_IN_FLIGHT_PER_THREAD = 4;
    private static final int TXID_PREFIX_CHARS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageVerifier verifier;
    private final int threads;

    /**
     * @param verifier checks one message (thread-safe)
     * @param threads  worker threads, at least 1
     */
    MessageFileVerifier(MessageVerifier verifier, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.verifier = verifier;
        this.threads = threads;
    }

    /**
     * Verifies all rows of {@code file}.
     *
     * @param nowSeconds the local clock, unix seconds, for the future-timestamp rule ({@code spec/chain.md §4.4})
     * @throws MessageFileException when the file cannot be read, is not a JSON array, or is not valid JSON
     */
    VerificationTally verify(Path file, long nowSeconds) throws MessageFileException {
        if (Files.isDirectory(file)) {
            throw new MessageFileException("cannot read " + file + ": it is a directory");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "verify-messages");
            thread.setDaemon(true);
            return thread;
        });
        try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
            return verifyArray(file, parser, pool, nowSeconds);
        } catch (NoSuchFileException e) {
            throw new MessageFileException("cannot read " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new MessageFileException("cannot read " + file + ": permission denied");
        } catch (JsonProcessingException e) {
            throw new MessageFileException(file + ": invalid JSON at " + position(e.getLocation()) + ": "
                    + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MessageFileException("cannot read " + file + ": " + oneLine(e.getMessage()));
        } finally {
            pool.shutdownNow();
        }
    }

    private VerificationTally verifyArray(Path file, JsonParser parser, ExecutorService pool, long nowSeconds)
            throws IOException, MessageFileException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new MessageFileException(file + " is empty; expected a JSON array of message rows");
        }
        if (first != JsonToken.START_ARRAY) {
            throw new MessageFileException(file + " is not a JSON array of message rows: it starts with "
                    + describe(first) + " at " + position(parser.currentTokenLocation()));
        }
        VerificationTally tally = new VerificationTally();
        Deque<Future<VerificationTally>> pending = new ArrayDeque<>();
        List<JsonNode> chunk = new ArrayList<>(ROWS_PER_CHUNK);
        long chunkStart = 0;
        // At end of input inside the array Jackson throws a located parse error, so null never ends the loop.
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            chunk.add(JSON.readTree(parser));
            if (chunk.size() == ROWS_PER_CHUNK) {
                pending.add(submit(pool, chunk, chunkStart, nowSeconds));
                chunkStart += chunk.size();
                chunk = new ArrayList<>(ROWS_PER_CHUNK);
                if (pending.size() > threads * CHUNKS_IN_FLIGHT_PER_THREAD) {
                    tally.addLater(await(file, pending.removeFirst()));
                }
            }
        }
        if (parser.nextToken() != null) {
            throw new MessageFileException(file + ": unexpected content after the closing ] at "
                    + position(parser.currentTokenLocation()));
        }
        if (!chunk.isEmpty()) {
            pending.add(submit(pool, chunk, chunkStart, nowSeconds));
        }
        while (!pending.isEmpty()) {
            tally.addLater(await(file, pending.removeFirst()));
        }
        return tally;
    }

    private Future<VerificationTally> submit(ExecutorService pool, List<JsonNode> rows, long firstIndex,
                                             long nowSeconds) {
        return pool.submit(() -> verifyRows(rows, firstIndex, nowSeconds));
    }

    private VerificationTally verifyRows(List<JsonNode> rows, long firstIndex, long nowSeconds) {
        VerificationTally tally = new VerificationTally();
        for (int offset = 0; offset < rows.size(); offset++) {
            verifyRow(rows.get(offset), firstIndex + offset, nowSeconds)
                    .ifPresentOrElse(tally::addFailure, tally::addValid);
        }
        return tally;
    }

    /** Why one row fails, or empty when it verifies. */
    private Optional<RowFailure> verifyRow(JsonNode row, long index, long nowSeconds) {
        PosMessage message;
        try {
            message = MessageRows.fromRow(row);
        } catch (MalformedRowException e) {
            return Optional.of(new RowFailure(index, txidPrefixOf(row), MALFORMED_ROW, e.getMessage()));
        }
        try {
            verifier.verify(message, nowSeconds);
            return Optional.empty();
        } catch (InvalidMessageException e) {
            return Optional.of(new RowFailure(index, prefix(message.txidHex()), e.rejection().description(),
                    e.getMessage()));
        }
    }

    private static VerificationTally await(Path file, Future<VerificationTally> chunk) throws MessageFileException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageFileException(file + ": verification interrupted");
        } catch (ExecutionException e) {
            // Rows are judged by typed exceptions; anything else escaping a worker is a bug, not bad input.
            throw new IllegalStateException("verifying " + file + " failed", e.getCause());
        }
    }

    private static String txidPrefixOf(JsonNode row) {
        JsonNode txid = row.isArray() ? row.get(0) : null;
        return txid != null && txid.isTextual() && !txid.textValue().isEmpty() ? prefix(txid.textValue()) : "-";
    }

    private static String prefix(String txidHex) {
        return txidHex.length() <= TXID_PREFIX_CHARS ? txidHex : txidHex.substring(0, TXID_PREFIX_CHARS);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static String position(JsonLocation location) {
        return location == null ? "an unknown position"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ");
    }
}
