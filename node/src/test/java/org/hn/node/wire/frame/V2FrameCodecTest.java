package org.hn.node.wire.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Random;
import org.hn.config.Network;
import org.hn.node.wire.InboundRecorder;
import org.hn.node.wire.ProtocolBreachException;
import org.hn.node.wire.ProtocolBreachException.Reason;
import org.hn.node.wire.TrackingAllocator;
import org.hn.node.wire.WireVectors;
import org.junit.jupiter.api.Test;

/**
 * v2 framing, {@code DESIGN.md §4}. Checksums were computed by hand with Python's hashlib:
 * sha256(sha256(0803)) starts b82e7cf2, sha256(sha256(080c18e807)) starts b9c71936, and
 * sha256(sha256(empty)) starts 5df6e0e2.
 */
class V2FrameCodecTest {

    private static final FrameSettings MAINNET = FrameSettings.defaults(Network.MAINNET);
    private static final String PING_FRAME = "b15b484e" + "00000002" + "b82e7cf2" + "0803";
    private static final String BLOCKSYNC_FRAME = "b15b484e" + "00000005" + "b9c71936" + "080c18e807";

    private final InboundRecorder recorder = new InboundRecorder();
    private final V2FrameDecoder decoder = new V2FrameDecoder(MAINNET);
    private final EmbeddedChannel channel = new EmbeddedChannel(decoder, new V2FrameEncoder(MAINNET), recorder);

    @Test
    void encodesMagicLengthChecksumPayload() {
        assertTrue(channel.writeOutbound(WireVectors.buffer("0803")));
        assertEquals(PING_FRAME, WireVectors.hexAndRelease(channel.readOutbound()));
        assertTrue(channel.writeOutbound(WireVectors.buffer("080c18e807")));
        assertEquals(BLOCKSYNC_FRAME, WireVectors.hexAndRelease(channel.readOutbound()));
        assertFalse(channel.finish());
    }

    @Test
    void eachNetworkHasItsMagic() {
        assertEquals("b15b4854" + "00000000" + "5df6e0e2", encodeEmpty(Network.TESTNET));
        assertEquals("b15b4844" + "00000000" + "5df6e0e2", encodeEmpty(Network.DEVNET));
    }

    private static String encodeEmpty(Network network) {
        EmbeddedChannel encoder = new EmbeddedChannel(new V2FrameEncoder(FrameSettings.defaults(network)));
        assertTrue(encoder.writeOutbound(Unpooled.buffer(0)));
        return WireVectors.hexAndRelease(encoder.readOutbound());
    }

    @Test
    void decodesFramesBackToPayloads() {
        assertTrue(channel.writeInbound(WireVectors.buffer(PING_FRAME + BLOCKSYNC_FRAME)));
        assertEquals("0803", WireVectors.hexAndRelease(channel.readInbound()));
        assertEquals("080c18e807", WireVectors.hexAndRelease(channel.readInbound()));
        assertNull(channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void headerSplitIntoSingleBytesStillYieldsOneFrame() {
        byte[] frame = WireVectors.bytes(BLOCKSYNC_FRAME);
        for (int index = 0; index < frame.length - 1; index++) {
            assertFalse(channel.writeInbound(Unpooled.wrappedBuffer(frame, index, 1)), "byte " + index);
        }
        assertTrue(channel.writeInbound(Unpooled.wrappedBuffer(frame, frame.length - 1, 1)));
        assertEquals("080c18e807", WireVectors.hexAndRelease(channel.readInbound()));
        assertTrue(channel.isOpen());
        assertFalse(channel.finish());
    }

    @Test
    void badChecksumDropsThatFrameOnlyAndIsCounted() {
        String corrupted = "b15b484e" + "00000002" + "b82e7cf3" + "0803";
        assertFalse(channel.writeInbound(WireVectors.buffer(corrupted)));
        assertTrue(channel.writeInbound(WireVectors.buffer(BLOCKSYNC_FRAME)));

        assertEquals("080c18e807", WireVectors.hexAndRelease(channel.readInbound()));
        assertNull(channel.readInbound());
        assertEquals(List.of(new ChecksumMismatch(2, 1)), recorder.userEvents());
        assertEquals(1, decoder.checksumMismatches());
        assertTrue(channel.isOpen());
        assertFalse(channel.finish());
    }

    @Test
    void payloadTamperedInTheSameReadIsDroppedAndTheNextDelivered() {
        String tampered = "b15b484e" + "00000002" + "b82e7cf2" + "0805";
        assertTrue(channel.writeInbound(WireVectors.buffer(tampered + PING_FRAME)));
        assertEquals("0803", WireVectors.hexAndRelease(channel.readInbound()));
        assertNull(channel.readInbound());
        assertEquals(List.of(new ChecksumMismatch(2, 1)), recorder.userEvents());
        assertTrue(channel.isOpen());
    }

    @Test
    void resynchronisesAfterGarbageWithinTheLimit() {
        byte[] garbage = garbage(60_000);
        // a partial magic just before the real one must not confuse the scan
        String beforeFrame = "b15b48" + "b15b";
        assertTrue(channel.writeInbound(Unpooled.wrappedBuffer(garbage), WireVectors.buffer(beforeFrame + PING_FRAME)));
        assertEquals("0803", WireVectors.hexAndRelease(channel.readInbound()));
        assertTrue(channel.isOpen());

        // the allowance starts again after a frame
        assertTrue(channel.writeInbound(Unpooled.wrappedBuffer(garbage(60_000)), WireVectors.buffer(BLOCKSYNC_FRAME)));
        assertEquals("080c18e807", WireVectors.hexAndRelease(channel.readInbound()));
        assertTrue(channel.isOpen());
        assertFalse(channel.finish());
    }

    @Test
    void magicSplitAcrossReadsAfterGarbage() {
        byte[] frame = WireVectors.bytes(PING_FRAME);
        assertFalse(channel.writeInbound(Unpooled.wrappedBuffer(garbage(100)), Unpooled.wrappedBuffer(frame, 0, 2)));
        assertTrue(channel.writeInbound(Unpooled.wrappedBuffer(frame, 2, frame.length - 2)));
        assertEquals("0803", WireVectors.hexAndRelease(channel.readInbound()));
        assertFalse(channel.finish());
    }

    @Test
    void exactlyTheLimitOfGarbageIsTolerated() {
        assertTrue(channel.writeInbound(Unpooled.wrappedBuffer(garbage(65_536)), WireVectors.buffer(PING_FRAME)));
        assertEquals("0803", WireVectors.hexAndRelease(channel.readInbound()));
        assertTrue(channel.isOpen());
    }

    @Test
    void garbageBeyondTheLimitCloses() {
        ProtocolBreachException breach = assertThrows(ProtocolBreachException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(garbage(70_000)), WireVectors.buffer(PING_FRAME)));
        assertEquals(Reason.MAGIC_NOT_FOUND, breach.reason());
        assertFalse(channel.isOpen());
        assertNull(channel.readInbound());
    }

    @Test
    void oneByteOverTheLimitAcrossReadsCloses() {
        assertFalse(channel.writeInbound(Unpooled.wrappedBuffer(garbage(40_000))));
        assertTrue(channel.isOpen());
        ProtocolBreachException breach = assertThrows(ProtocolBreachException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(garbage(25_537)), WireVectors.buffer(PING_FRAME)));
        assertEquals(Reason.MAGIC_NOT_FOUND, breach.reason());
        assertFalse(channel.isOpen());
    }

    @Test
    void frameOfAnotherNetworkInAStreamIsGarbage() {
        String testnetPing = "b15b4854" + "00000002" + "b82e7cf2" + "0803";
        assertTrue(channel.writeInbound(WireVectors.buffer(PING_FRAME)));
        assertEquals("0803", WireVectors.hexAndRelease(channel.readInbound()));
        assertFalse(channel.writeInbound(WireVectors.buffer(testnetPing)));
        assertTrue(channel.isOpen());
        assertTrue(channel.writeInbound(WireVectors.buffer(PING_FRAME)));
        assertEquals("0803", WireVectors.hexAndRelease(channel.readInbound()));
    }

    @Test
    void aConnectionOpenedWithAnotherNetworksMagicClosesAtOnce() {
        String testnetPing = "b15b4854" + "00000002" + "b82e7cf2" + "0803";
        ProtocolBreachException breach = assertThrows(ProtocolBreachException.class,
                () -> channel.writeInbound(WireVectors.buffer(testnetPing)));
        assertEquals(Reason.MAGIC_NOT_FOUND, breach.reason());
        assertEquals("MAGIC_NOT_FOUND: the peer speaks testnet (magic b15b4854), this node mainnet", breach.getMessage());
        assertFalse(channel.isOpen());
    }

    @Test
    void hugeLengthClosesFromTheHeaderAloneWithoutBuffering() {
        for (String length : new String[] {"20000000", "ffffffff", "04000001"}) {
            EmbeddedChannel fresh = new EmbeddedChannel(new V2FrameDecoder(MAINNET));
            TrackingAllocator allocator = new TrackingAllocator();
            fresh.config().setAllocator(allocator);
            ByteBuf header = WireVectors.buffer("b15b484e" + length + "00000000");

            ProtocolBreachException breach = assertThrows(ProtocolBreachException.class, () -> fresh.writeInbound(header));

            assertEquals(Reason.FRAME_TOO_LARGE, breach.reason(), length);
            assertFalse(fresh.isOpen());
            assertEquals(0, header.refCnt());
            assertTrue(allocator.largestRequest() < 1024, "largest allocation " + allocator.largestRequest());
        }
    }

    @Test
    void lengthAtTheDefaultCapIsAwaitedNotRefused() {
        // 0x04000000 = 64 MiB exactly: allowed, so the decoder waits for the body
        assertFalse(channel.writeInbound(WireVectors.buffer("b15b484e" + "04000000" + "00000000")));
        assertTrue(channel.isOpen());
    }

    /** Bytes below 0x80, so never the first byte of a magic. */
    private static byte[] garbage(int size) {
        Random random = new Random(size);
        byte[] bytes = new byte[size];
        for (int index = 0; index < size; index++) {
            bytes[index] = (byte) random.nextInt(0x80);
        }
        return bytes;
    }
}
