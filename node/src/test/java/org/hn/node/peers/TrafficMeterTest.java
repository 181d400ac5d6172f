package org.hn.node.peers;

import org.hn.chain.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrafficMeterTest {

    @Test
    void countsRawBytesBothWaysAndMarksActivity() {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
        ConnectionStats stats = new ConnectionStats(clock.instant());
        EmbeddedChannel channel = new EmbeddedChannel(new TrafficMeter(stats, clock));

        clock.advance(Duration.ofSeconds(5));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 2, 8, 5}));
        assertEquals(6, stats.bytesReceived());
        assertEquals(Instant.parse("2026-11-23T12:00:05Z"), stats.lastActivity());

        clock.advance(Duration.ofSeconds(5));
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 2, 8, 5, 0}));
        assertEquals(7, stats.bytesSent());
        assertEquals(Instant.parse("2026-11-23T12:00:10Z"), stats.lastActivity());
        assertEquals(Instant.parse("2026-11-23T12:00:00Z"), stats.connectedSince());

        ((ByteBuf) channel.readInbound()).release();
        ((ByteBuf) channel.readOutbound()).release();
        channel.finishAndReleaseAll();
    }
}
