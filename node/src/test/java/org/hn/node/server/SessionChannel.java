package org.hn.node.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.hn.node.wire.proto.Command;

/** An {@code EmbeddedChannel} with a real-looking peer address, as the session keys peers by IP. */
final class SessionChannel extends EmbeddedChannel {

    private final InetSocketAddress remote;

    SessionChannel(InetSocketAddress remote, ChannelHandler... handlers) {
        super(DefaultChannelId.newInstance(), false, false, handlers);
        this.remote = remote;
        try {
            register();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers one request, runs the session's queued work, and returns its answer (null when none). */
    Command exchange(Command request) {
        writeInbound(request);
        runPendingTasks();
        return readOutbound();
    }

    @Override
    protected SocketAddress remoteAddress0() {
        return remote;
    }
}
