package org.hn.node.wire.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.hn.config.Network;
import org.hn.node.wire.InboundRecorder;
import org.hn.node.wire.ProtocolBreachException;
import org.hn.node.wire.ProtocolBreachException.Reason;
import org.hn.node.wire.WireVectors;
import org.hn.node.wire.command.CommandDecoder;
import org.hn.node.wire.command.CommandEncoder;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.junit.jupiter.api.Test;

/** Inbound framing detection from the first byte, {@code DESIGN.md §4}. */
class FrameFormatDetectorTest {

    private static final FrameSettings SETTINGS = FrameSettings.defaults(Network.TESTNET);
    private static final String LEGACY_STATUS = "000000020805";
    private static final String TESTNET_PING = "b15b4854" + "00000002" + "b82e7cf2" + "0803";

    private final InboundRecorder recorder = new InboundRecorder();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new FrameFormatDetector(SETTINGS), new CommandDecoder(), new CommandEncoder(), recorder);

    @Test
    void legacyFirstByteInstallsTheLegacyPair() {
        assertTrue(channel.writeInbound(WireVectors.buffer(LEGACY_STATUS)));

        assertEquals(Commands.bare(Type.status), channel.readInbound());
        assertEquals(List.of(FrameFormat.LEGACY), recorder.userEvents());
        assertNull(channel.pipeline().get(FrameFormatDetector.class));
        assertInstanceOf(LegacyFrameDecoder.class, channel.pipeline().get(FrameFormatDetector.DECODER_NAME));
        assertInstanceOf(LegacyFrameEncoder.class, channel.pipeline().get(FrameFormatDetector.ENCODER_NAME));

        // the answer leaves in the same framing, byte for byte the reference's
        assertTrue(channel.writeOutbound(Commands.withString(Type.ko, "Bad Posnet posnet0001")));
        assertEquals("000000190802121542616420506f736e657420706f736e657430303031",
                WireVectors.hexAndRelease(channel.readOutbound()));
        assertFalse(channel.finish());
    }

    @Test
    void highFirstByteInstallsTheV2Pair() {
        assertTrue(channel.writeInbound(WireVectors.buffer(TESTNET_PING)));

        assertEquals(Commands.bare(Type.ping), channel.readInbound());
        assertEquals(List.of(FrameFormat.V2), recorder.userEvents());
        assertInstanceOf(V2FrameDecoder.class, channel.pipeline().get(FrameFormatDetector.DECODER_NAME));

        assertTrue(channel.writeOutbound(Commands.bare(Type.ping)));
        assertEquals(TESTNET_PING, WireVectors.hexAndRelease(channel.readOutbound()));
        assertFalse(channel.finish());
    }

    @Test
    void bytesSeenByTheDetectorReachTheNewDecoder() {
        assertFalse(channel.writeInbound(WireVectors.buffer("00")));
        assertEquals(List.of(FrameFormat.LEGACY), recorder.userEvents());
        assertFalse(channel.writeInbound(WireVectors.buffer("0000")));
        assertTrue(channel.writeInbound(WireVectors.buffer("020805")));
        assertEquals(Commands.bare(Type.status), channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void firstByteDecidesTheFormat() {
        assertEquals(FrameFormat.LEGACY, FrameFormat.ofFirstByte(0x00));
        assertEquals(FrameFormat.LEGACY, FrameFormat.ofFirstByte(0x7f));
        assertEquals(FrameFormat.V2, FrameFormat.ofFirstByte(0x80));
        assertEquals(FrameFormat.V2, FrameFormat.ofFirstByte(0xb1));
    }

    @Test
    void legacyBreachAfterDetectionCloses() {
        // 0x10000000 = 256 MiB
        ProtocolBreachException breach = assertThrows(ProtocolBreachException.class,
                () -> channel.writeInbound(WireVectors.buffer("10000000")));
        assertEquals(Reason.FRAME_TOO_LARGE, breach.reason());
        assertFalse(channel.isOpen());
        Command none = channel.readInbound();
        assertNull(none);
    }
}
