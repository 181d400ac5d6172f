package org.hn.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server offering one file at {@code /hn_bs.tar.gz}, honouring {@code Range: bytes=N-} when asked
 * to, and able to break its first answer off after a number of bytes, as a dropped or stalled connection would.
 */
public final class ArchiveServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final byte[] content;
    private final boolean honoursRanges;
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final boolean stallFirst;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private volatile int breakFirstAfter;

    /**
     * @param port            a port of this task's range
     * @param breakFirstAfter bytes of the first answer sent before the connection drops; −1 never
     */
    public ArchiveServer(int port, byte[] content, boolean honoursRanges, int breakFirstAfter) throws IOException {
        this(port, content, honoursRanges, breakFirstAfter, false);
    }

    /**
     * @param stallFirst whether the first answer, after {@code breakFirstAfter} bytes, stalls (sends nothing more
     *                   until the server closes) rather than drops the connection
     */
    public ArchiveServer(int port, byte[] content, boolean honoursRanges, int breakFirstAfter, boolean stallFirst)
            throws IOException {
        this.stallFirst = stallFirst;
        this.content = content.clone();
        this.honoursRanges = honoursRanges;
        this.breakFirstAfter = breakFirstAfter;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/hn_bs.tar.gz", this::answer);
        // a stalled answer must not hold up the next request
        server.setExecutor(handlers);
        server.start();
    }

    /** The archive's URL. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hn_bs.tar.gz";
    }

    /** The Range header of each request, "" when there was none. */
    public List<String> ranges() {
        return List.copyOf(ranges);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        int from = 0;
        Matcher matcher = RANGE.matcher(range == null ? "" : range);
        if (honoursRanges && matcher.matches()) {
            from = Integer.parseInt(matcher.group(1));
            exchange.getResponseHeaders().add("Content-Range",
                    "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            exchange.sendResponseHeaders(206, content.length - from);
        } else {
            exchange.sendResponseHeaders(200, content.length);
        }
        int limit = breakFirstAfter;
        breakFirstAfter = -1;
        OutputStream body = exchange.getResponseBody();
        if (limit >= 0) {
            body.write(content, from, limit);
            body.flush();
            if (stallFirst) {
                awaitClose();
            }
            // a handler that fails makes the server close the connection: the body stops short
            throw new IOException("connection dropped on purpose after " + limit + " bytes");
        }
        body.write(content, from, content.length - from);
        body.close();
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
