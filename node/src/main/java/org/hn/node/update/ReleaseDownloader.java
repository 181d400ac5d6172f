package org.hn.node.update;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * HTTP transfers of the updater (JDK {@link HttpClient}): small documents read whole with a size cap, and jar
 * downloads that resume from a partial file with a {@code Range} request.
 */
public final class ReleaseDownloader {

    private final HttpClient client;
    private final Duration timeout;

    /** @param timeout the limit for connecting and for each response's headers */
    public ReleaseDownloader(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.timeout = timeout;
    }

    /**
     * Fetches a small document.
     *
     * @param maxBytes the largest acceptable answer
     * @throws UpdateException if the server does not answer 200, or answers more than {@code maxBytes}
     */
    public byte[] fetch(URI uri, int maxBytes) throws UpdateException {
        try {
            HttpResponse<InputStream> response = client.send(request(uri).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new UpdateException(uri + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new UpdateException(uri + " is larger than " + maxBytes + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new UpdateException("cannot fetch " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpdateException("interrupted while fetching " + uri, e);
        }
    }

    /**
     * Downloads {@code uri} into {@code partial} until it holds {@code size} bytes, continuing after what an
     * earlier run left there if the server honours the range request (206), from the start otherwise (200).
     * An interrupted transfer leaves the partial file for the next run.
     *
     * @throws UpdateException if the server refuses, sends more than {@code size} bytes (the partial file is
     *                         then deleted), or the transfer ends early
     */
    public void download(URI uri, Path partial, long size) throws UpdateException {
        try {
            long have = Files.exists(partial) ? Files.size(partial) : 0;
            if (have > size) {
                Files.delete(partial);
                have = 0;
            }
            if (have == size) {
                return;
            }
            HttpRequest.Builder request = request(uri);
            if (have > 0) {
                request.header("Range", "bytes=" + have + "-");
            }
            HttpResponse<InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                boolean resumed = response.statusCode() == 206 && have > 0;
                if (!resumed && response.statusCode() != 200) {
                    throw new UpdateException(uri + " answered HTTP " + response.statusCode());
                }
                long start = resumed ? have : 0;
                try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    out.truncate(start);
                    out.position(start);
                    copy(body, out, size - start, uri);
                }
            }
            long got = Files.size(partial);
            if (got < size) {
                throw new UpdateException("the download of " + uri + " ended after " + got + " of " + size
                        + " bytes; the next run resumes it");
            }
        } catch (IOException e) {
            throw new UpdateException("the download of " + uri + " broke off: " + e.getMessage()
                    + "; the next run resumes it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpdateException("interrupted while downloading " + uri, e);
        }
    }

    private static void copy(InputStream body, FileChannel out, long remaining, URI uri)
            throws IOException, UpdateException {
        byte[] buffer = new byte[64 * 1024];
        long left = remaining;
        int read;
        while ((read = body.read(buffer)) >= 0) {
            if (read > left) {
                out.truncate(0);
                throw new UpdateException(uri + " sends more bytes than the manifest's size");
            }
            out.write(ByteBuffer.wrap(buffer, 0, read));
            left -= read;
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "hn-update").GET();
    }
}
