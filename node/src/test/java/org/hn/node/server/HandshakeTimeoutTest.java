package org.hn.node.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hn.node.wire.InboundRecorder;
import org.junit.jupiter.api.Test;

class HandshakeTimeoutTest {

    @Test
    void firesOnceTheTimeoutRunsOutWhateverTrickledIn() {
        InboundRecorder recorder = new InboundRecorder();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new HandshakeTimeout(Duration.ofSeconds(2)), recorder);
        channel.advanceTimeBy(1900, TimeUnit.MILLISECONDS);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0}));
        channel.runScheduledPendingTasks();
        assertTrue(recorder.exceptions().isEmpty());
        channel.advanceTimeBy(200, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(1, recorder.exceptions().size());
        assertInstanceOf(HandshakeTimeoutException.class, recorder.exceptions().get(0));
        // The recorder passes it on, so the channel holds it as unhandled.
        assertThrows(HandshakeTimeoutException.class, channel::checkException);
        channel.finishAndReleaseAll();
    }

    @Test
    void removingItCancelsTheTimeout() {
        InboundRecorder recorder = new InboundRecorder();
        EmbeddedChannel channel = new EmbeddedChannel(new HandshakeTimeout(Duration.ofSeconds(2)), recorder);
        channel.pipeline().remove(HandshakeTimeout.class);
        channel.advanceTimeBy(3, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertTrue(recorder.exceptions().isEmpty());
        channel.finishAndReleaseAll();
    }
}
