package org.hn.node.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hn.config.Network;
import org.hn.node.wire.ProtocolBreachException.Reason;
import org.hn.node.wire.command.CommandDecoder;
import org.hn.node.wire.frame.ChecksumMismatch;
import org.hn.node.wire.frame.FrameFormatDetector;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.frame.V2FrameEncoder;
import org.hn.node.wire.proto.Command;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of valid frames, fed in random chunks through detector, frame decoder and command
 * decoder. Whatever the bytes, only {@link ProtocolBreachException} may escape, and the channel ends either
 * closed after exactly one framing breach, or open with no framing breach and nothing leaked.
 */
class WireMutationTest {

    private static final long SEED = 0x5EED_2026_1123L;
    private static final int CASES = 3_000;
    /** Small limits so that mutated lengths and lost magics hit them often. */
    private static final FrameSettings SETTINGS = new FrameSettings(Network.MAINNET, 4_096, 64);
    private static final Set<Reason> FRAMING_BREACHES =
            Set.of(Reason.FRAME_TOO_LARGE, Reason.NEGATIVE_FRAME_LENGTH, Reason.MAGIC_NOT_FOUND);

    private final Map<Reason, Integer> breaches = new EnumMap<>(Reason.class);
    private int delivered;
    private int checksumMismatches;

    @Test
    void onlyTypedBreachesEscapeAndTheChannelStaysConsistent() {
        List<byte[]> frames = validFrames();
        Random random = new Random(SEED);
        assertTimeout(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < CASES; round++) {
                runCase(mutate(stream(frames, random), random), random, round);
            }
        });
        assertTrue(delivered > 100, "commands delivered: " + delivered);
        assertTrue(checksumMismatches > 10, "checksum mismatches: " + checksumMismatches);
        for (Reason reason : Reason.values()) {
            assertTrue(breaches.getOrDefault(reason, 0) > 0, "no case produced " + reason + ": " + breaches);
        }
    }

    private void runCase(byte[] input, Random random, int round) {
        InboundRecorder recorder = new InboundRecorder();
        EmbeddedChannel channel = new EmbeddedChannel(new FrameFormatDetector(SETTINGS), new CommandDecoder(), recorder);
        List<ByteBuf> written = new ArrayList<>();
        String context = "case " + round + ": " + ByteBufUtil.hexDump(input);
        int offset = 0;
        while (offset < input.length && channel.isOpen()) {
            int chunk = Math.min(input.length - offset, 1 + random.nextInt(64));
            ByteBuf buffer = Unpooled.copiedBuffer(input, offset, chunk);
            written.add(buffer);
            offset += chunk;
            onlyBreachEscapes(() -> channel.writeInbound(buffer), context);
        }
        for (Object message; (message = channel.readInbound()) != null; delivered++) {
            assertInstanceOf(Command.class, message, context);
        }
        boolean openBeforeFinish = channel.isOpen();
        onlyBreachEscapes(channel::finishAndReleaseAll, context);

        int framingBreaches = 0;
        for (Throwable seen : recorder.exceptions()) {
            ProtocolBreachException breach = assertInstanceOf(ProtocolBreachException.class, seen, context);
            breaches.merge(breach.reason(), 1, Integer::sum);
            framingBreaches += FRAMING_BREACHES.contains(breach.reason()) ? 1 : 0;
        }
        checksumMismatches += (int) recorder.userEvents().stream().filter(ChecksumMismatch.class::isInstance).count();
        if (openBeforeFinish) {
            assertEquals(0, framingBreaches, context);
            assertNull(channel.pipeline().get(FrameFormatDetector.class), context);
        } else {
            assertEquals(1, framingBreaches, "a framing breach closes, and the decoder is silent after it; " + context);
        }
        for (ByteBuf buffer : written) {
            assertEquals(0, buffer.refCnt(), "leaked input, " + context);
        }
    }

    /** Runs one pipeline action and fails if it throws anything but the typed breach. */
    private static void onlyBreachEscapes(Runnable action, String context) {
        try {
            action.run();
        } catch (Throwable thrown) {
            assertInstanceOf(ProtocolBreachException.class, thrown, () -> "escaped " + thrown + ", " + context);
        }
    }

    /** One to three valid frames of the same framing, back to back. */
    private static byte[] stream(List<byte[]> frames, Random random) {
        boolean legacy = random.nextBoolean();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int count = 1 + random.nextInt(3); count > 0; count--) {
            int pick = 2 * random.nextInt(frames.size() / 2) + (legacy ? 0 : 1);
            out.writeBytes(frames.get(pick));
        }
        return out.toByteArray();
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original;
        for (int count = 1 + random.nextInt(3); count > 0 && bytes.length > 0; count--) {
            int position = random.nextInt(bytes.length);
            switch (random.nextInt(7)) {
                case 0 -> bytes[position] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[position] = (byte) random.nextInt(256);
                case 2 -> bytes = Arrays.copyOf(bytes, position);
                case 3 -> bytes = splice(bytes, position, 0, randomBytes(1 + random.nextInt(16), random));
                case 4 -> bytes = splice(bytes, position, random.nextInt(bytes.length - position + 1), new byte[0]);
                case 5 -> {
                    // a random 32-bit value where a length or checksum may sit
                    int value = random.nextInt();
                    for (int index = 0; index < 4 && position + index < bytes.length; index++) {
                        bytes[position + index] = (byte) (value >>> (24 - 8 * index));
                    }
                }
                default -> bytes[position] = new byte[] {0x00, (byte) 0x80, (byte) 0xff}[random.nextInt(3)];
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int position, int removed, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, position);
        out.writeBytes(inserted);
        out.write(bytes, position + removed, bytes.length - position - removed);
        return out.toByteArray();
    }

    private static byte[] randomBytes(int size, Random random) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** For each vector payload: its legacy frame (from the vectors), then its v2 frame. */
    private static List<byte[]> validFrames() {
        JsonNode wire = WireVectors.wire();
        List<JsonNode> vectors = new ArrayList<>();
        wire.get("hello").forEach(vectors::add);
        wire.get("other_commands").forEach(vectors::add);
        vectors.add(wire.get("mempool_with_2_txs"));
        List<byte[]> frames = new ArrayList<>();
        for (JsonNode vector : vectors) {
            frames.add(WireVectors.bytes(vector.get("framed_hex").asText()));
            frames.add(v2Frame(WireVectors.bytes(vector.get("proto_hex").asText())));
        }
        return frames;
    }

    private static byte[] v2Frame(byte[] payload) {
        EmbeddedChannel encoder = new EmbeddedChannel(new V2FrameEncoder(SETTINGS));
        assertTrue(encoder.writeOutbound(Unpooled.wrappedBuffer(payload)));
        ByteBuf frame = encoder.readOutbound();
        byte[] bytes = ByteBufUtil.getBytes(frame);
        frame.release();
        assertFalse(encoder.finish());
        return bytes;
    }
}
