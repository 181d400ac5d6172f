package org.hn.bootstrap.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hn.bootstrap.SnapshotException;
import org.hn.bootstrap.SnapshotFailure;

/**
 * Fetches a bootstrap archive over HTTP or HTTPS with the JDK client ({@code spec/ops.md §8.1}), resumably: the
 * bytes arrive in {@code <target>.part}, and a later call for the same target asks for the rest with
 * {@code Range: bytes=N-}. A server that ignores the range (answers 200) is read from the start again. The file is
 * renamed to {@code target} only once complete. Nothing is trusted here: the archive is verified afterwards.
 */
public final class SnapshotDownload {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int BUFFER = 1 << 16;

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;

    /**
     * @param timeout  for the connection, the response headers, and any pause in the body
     * @param maxBytes the largest archive accepted, in bytes
     */
    public SnapshotDownload(HttpClient client, Duration timeout, long maxBytes) {
        this.client = client;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** A client that follows redirects except from HTTPS to HTTP. */
    public static HttpClient defaultClient(Duration connectTimeout) {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(connectTimeout)
                .build();
    }

    /** Where an unfinished download of {@code target} is kept. */
    public static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /**
     * Downloads {@code uri} to {@code target}, resuming an earlier partial download of the same target.
     *
     * @throws SnapshotException {@link SnapshotFailure#IO} for a bad URL, an HTTP error status, a broken
     *                           connection (the part stays for a resume) or a local write failure;
     *                           {@link SnapshotFailure#TOO_LARGE} past {@code maxBytes}
     */
    public Path fetch(URI uri, Path target, DownloadProgress progress) throws SnapshotException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SnapshotException(SnapshotFailure.IO, uri + " is not an http or https URL");
        }
        Path part = partOf(target);
        try {
            long have = Files.exists(part) ? Files.size(part) : 0;
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
            if (have > 0) {
                request.header("Range", "bytes=" + have + "-");
            }
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                long total;
                boolean append;
                if (response.statusCode() == 206 && have > 0) {
                    total = resumedTotal(response, have, uri);
                    append = true;
                } else if (response.statusCode() == 200) {
                    total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                    append = false;
                    have = 0;
                } else {
                    throw new SnapshotException(SnapshotFailure.IO, uri + " answered HTTP " + response.statusCode());
                }
                if (total > maxBytes) {
                    throw new SnapshotException(SnapshotFailure.TOO_LARGE, uri + " is " + total + " bytes, more than "
                            + maxBytes);
                }
                long written = copy(body, part, append, have, total, progress);
                if (total >= 0 && written != total) {
                    throw new SnapshotException(SnapshotFailure.IO, uri + " ended after " + written + " of " + total
                            + " bytes; run again to resume");
                }
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new SnapshotException(SnapshotFailure.IO, "downloading " + uri + " failed: " + e.getMessage()
                    + "; run again to resume", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotException(SnapshotFailure.IO, "downloading " + uri + " was interrupted", e);
        }
    }

    /** The whole length from {@code Content-Range}, after checking the part starts where ours ends. */
    private static long resumedTotal(HttpResponse<?> response, long have, URI uri) throws SnapshotException {
        String range = response.headers().firstValue("Content-Range").orElse("");
        Matcher matcher = CONTENT_RANGE.matcher(range);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) != have) {
            throw new SnapshotException(SnapshotFailure.IO, uri + " answered a range '" + range + "' that does not"
                    + " continue our " + have + " bytes");
        }
        return matcher.group(3).equals("*") ? -1 : Long.parseLong(matcher.group(3));
    }

    /**
     * Copies the body to the part file. The JDK client has no read timeout for a body, so a watchdog closes the
     * body when no byte came for {@code timeout}: a stalled server fails the download (kept for a resume)
     * instead of hanging the node's start.
     */
    private long copy(InputStream body, Path part, boolean append, long have, long total, DownloadProgress progress)
            throws IOException, SnapshotException {
        long written = have;
        byte[] buffer = new byte[BUFFER];
        AtomicLong lastByteNanos = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bootstrap-download-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long checkMillis = Math.max(50, timeout.toMillis() / 4);
        watchdog.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastByteNanos.get() > timeout.toNanos() && stalled.compareAndSet(false, true)) {
                try {
                    body.close();
                } catch (IOException e) {
                    // the reader sees the closed stream either way
                }
            }
        }, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            progress.advanced(written, total);
            int read;
            while ((read = body.read(buffer)) != -1) {
                lastByteNanos.set(System.nanoTime());
                written += read;
                if (written > maxBytes) {
                    throw new SnapshotException(SnapshotFailure.TOO_LARGE, "the download passed " + maxBytes + " bytes");
                }
                out.write(buffer, 0, read);
                progress.advanced(written, total);
            }
        } catch (IOException e) {
            if (stalled.get()) {
                throw new IOException("no data for " + timeout.toMillis() + " ms", e);
            }
            throw e;
        } finally {
            watchdog.shutdownNow();
        }
        if (stalled.get()) {
            throw new IOException("no data for " + timeout.toMillis() + " ms");
        }
        return written;
    }
}
