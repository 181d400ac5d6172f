package org.hn.node.wire.frame;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hn.config.Network;
import org.junit.jupiter.api.Test;

/** The worked frames of {@code docs/protocol.md §0} are what the node's encoders write. */
class ProtocolFramesDocTest {

    private static String encoded(FrameFormat framing) {
        EmbeddedChannel channel = new EmbeddedChannel(framing.newEncoder(FrameSettings.defaults(Network.MAINNET)));
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {0x08, 0x05}));
        StringBuilder hex = new StringBuilder();
        ByteBuf written;
        while ((written = channel.readOutbound()) != null) {
            hex.append(ByteBufUtil.hexDump(written));
            written.release();
        }
        channel.finishAndReleaseAll();
        return hex.toString();
    }

    @Test
    void theStatusFramesOfTheTableAreTheEncodersOutput() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "protocol.md"));
        String legacy = encoded(FrameFormat.LEGACY);
        String v2 = encoded(FrameFormat.V2);
        assertTrue(legacy.equals("000000020805") && page.contains("| legacy | `00000002 0805` |"), legacy);
        assertTrue(v2.equals("b15b484e0000000235422cda0805") && page.contains("| v2 | `b15b484e 00000002 35422cda 0805` |"),
                v2);
    }
}
