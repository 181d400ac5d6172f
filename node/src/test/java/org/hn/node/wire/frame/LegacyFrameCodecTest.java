package org.hn.node.wire.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import org.hn.config.Network;
import org.hn.node.wire.ProtocolBreachException;
import org.hn.node.wire.ProtocolBreachException.Reason;
import org.hn.node.wire.TrackingAllocator;
import org.hn.node.wire.WireVectors;
import org.junit.jupiter.api.Test;

/** Reference framing, {@code spec/wire.md §1}: signed 32-bit big-endian length, then the payload. */
class LegacyFrameCodecTest {

    private static final FrameSettings SETTINGS = FrameSettings.defaults(Network.MAINNET);

    private static EmbeddedChannel channel(FrameSettings settings) {
        return new EmbeddedChannel(new LegacyFrameDecoder(settings), new LegacyFrameEncoder(settings));
    }

    @Test
    void prefixesThePayloadWithItsLength() {
        EmbeddedChannel channel = channel(SETTINGS);
        assertTrue(channel.writeOutbound(WireVectors.buffer("080c18e807")));
        assertEquals("00000005080c18e807", WireVectors.hexAndRelease(channel.readOutbound()));
        assertFalse(channel.finish());
    }

    @Test
    void headerSplitIntoSingleBytesStillYieldsOneFrame() {
        EmbeddedChannel channel = channel(SETTINGS);
        byte[] frame = WireVectors.bytes("00000005080c18e807");
        for (int index = 0; index < frame.length - 1; index++) {
            assertFalse(channel.writeInbound(Unpooled.wrappedBuffer(frame, index, 1)), "byte " + index);
        }
        assertTrue(channel.writeInbound(Unpooled.wrappedBuffer(frame, frame.length - 1, 1)));
        assertEquals("080c18e807", WireVectors.hexAndRelease(channel.readInbound()));
        assertNull(channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void twoFramesInOneReadAndAnEmptyPayload() {
        EmbeddedChannel channel = channel(SETTINGS);
        assertTrue(channel.writeInbound(WireVectors.buffer("000000020803" + "00000000" + "000000020805")));
        assertEquals("0803", WireVectors.hexAndRelease(channel.readInbound()));
        assertEquals("", WireVectors.hexAndRelease(channel.readInbound()));
        assertEquals("0805", WireVectors.hexAndRelease(channel.readInbound()));
        assertFalse(channel.finish());
    }

    @Test
    void hugeLengthClosesFromTheHeaderAloneWithoutBuffering() {
        EmbeddedChannel channel = channel(SETTINGS);
        TrackingAllocator allocator = new TrackingAllocator();
        channel.config().setAllocator(allocator);
        // 0x20000000 = 512 MiB announced, followed by 1 MiB of body that must be discarded, not kept.
        // One contiguous array, like a socket read: Netty would copy a composite input to merge it.
        byte[] frameStart = new byte[4 + 1024 * 1024];
        frameStart[0] = 0x20;
        ByteBuf input = Unpooled.wrappedBuffer(frameStart);

        ProtocolBreachException breach = assertThrows(ProtocolBreachException.class, () -> channel.writeInbound(input));

        assertEquals(Reason.FRAME_TOO_LARGE, breach.reason());
        assertFalse(channel.isOpen());
        assertEquals(0, input.refCnt(), "input released, not retained");
        assertTrue(allocator.largestRequest() < 1024, "largest allocation " + allocator.largestRequest());
        assertNull(channel.readInbound());
    }

    @Test
    void negativeLengthCloses() {
        for (String header : new String[] {"ffffffff", "80000000"}) {
            EmbeddedChannel channel = channel(SETTINGS);
            ProtocolBreachException breach =
                    assertThrows(ProtocolBreachException.class, () -> channel.writeInbound(WireVectors.buffer(header)));
            assertEquals(Reason.NEGATIVE_FRAME_LENGTH, breach.reason(), header);
            assertFalse(channel.isOpen());
            assertNull(channel.readInbound());
        }
    }

    @Test
    void capIsInclusive() {
        FrameSettings small = SETTINGS.withMaxPayloadBytes(3);
        EmbeddedChannel atCap = channel(small);
        assertTrue(atCap.writeInbound(WireVectors.buffer("00000003" + "aabbcc")));
        assertEquals("aabbcc", WireVectors.hexAndRelease(atCap.readInbound()));
        assertFalse(atCap.finish());

        EmbeddedChannel overCap = channel(small);
        ProtocolBreachException breach =
                assertThrows(ProtocolBreachException.class, () -> overCap.writeInbound(WireVectors.buffer("00000004")));
        assertEquals(Reason.FRAME_TOO_LARGE, breach.reason());
        assertFalse(overCap.isOpen());
    }

    @Test
    void bytesAfterABreachAreDiscarded() {
        EmbeddedChannel channel = channel(SETTINGS);
        assertThrows(ProtocolBreachException.class,
                () -> channel.writeInbound(WireVectors.buffer("ffffffff" + "000000020803")));
        assertNull(channel.readInbound(), "the valid-looking frame after the breach is not delivered");
    }

    @Test
    void refusesToSendAPayloadAboveTheCap() {
        EmbeddedChannel channel = channel(SETTINGS.withMaxPayloadBytes(3));
        ByteBuf payload = WireVectors.buffer("aabbccdd");
        assertThrows(EncoderException.class, () -> channel.writeOutbound(payload));
        assertEquals(0, payload.refCnt());
        assertNull(channel.readOutbound());
        assertFalse(channel.finish());
    }
}
