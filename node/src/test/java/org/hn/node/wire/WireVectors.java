package org.hn.node.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HexFormat;

/** The reference's vectors under {@code hn.testdata}/vectors, as they are, plus hex helpers for tests. */
public final class WireVectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireVectors() {
    }

    /** {@code vectors/wire.json}: hello strings, command frames, command ids. */
    public static JsonNode wire() {
        return read("wire.json");
    }

    /** {@code vectors/messages.json}: signed PoS messages with their fields. */
    public static JsonNode messages() {
        return read("messages.json");
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static ByteBuf buffer(String hex) {
        return Unpooled.wrappedBuffer(bytes(hex));
    }

    /** Hex of the readable bytes, then releases the buffer. */
    public static String hexAndRelease(ByteBuf buffer) {
        try {
            return ByteBufUtil.hexDump(buffer);
        } finally {
            buffer.release();
        }
    }

    private static JsonNode read(String name) {
        String root = System.getProperty("hn.testdata");
        if (root == null) {
            throw new IllegalStateException("system property hn.testdata is not set");
        }
        try {
            return JSON.readTree(Path.of(root, "vectors", name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
