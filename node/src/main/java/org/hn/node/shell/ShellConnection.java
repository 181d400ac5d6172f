package org.hn.node.shell;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hn.node.wire.command.CommandDecoder;
import org.hn.node.wire.command.CommandEncoder;
import org.hn.node.wire.frame.ChecksumMismatch;
import org.hn.node.wire.frame.FrameFormat;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.proto.Command;

/**
 * The shell's one TCP connection to a peer: the node's framing and command codecs, no session logic. Every message
 * sent and received, and the connection's end, is logged; received messages and the end are also queued for the
 * shell, which waits on them after a request. Unlike a node's client session, nothing here pairs requests with
 * answers or closes on an unsolicited message: the point is to see what the peer does.
 */
final class ShellConnection implements AutoCloseable {

    /** Queued when the connection has closed. */
    static final Object CLOSED = new Object();

    private final Channel channel;
    private final EventLog log;
    private final CountDownLatch inactive;

    private ShellConnection(Channel channel, EventLog log, CountDownLatch inactive) {
        this.channel = channel;
        this.log = log;
        this.inactive = inactive;
    }

    /**
     * Connects and logs {@code connected}.
     *
     * @param arrivals where received commands and {@link #CLOSED} are put
     * @throws IOException when the connection cannot be made (refused, unreachable, timed out)
     */
    static ShellConnection open(EventLoopGroup group, InetSocketAddress peer, FrameFormat framing, FrameSettings frames,
                                Duration connectTimeout, EventLog log, BlockingQueue<Object> arrivals)
            throws IOException, InterruptedException {
        CountDownLatch inactive = new CountDownLatch(1);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("frame-decoder", framing.newDecoder(frames))
                                .addLast("frame-encoder", framing.newEncoder(frames))
                                .addLast("command-decoder", new CommandDecoder())
                                .addLast("command-encoder", new CommandEncoder())
                                .addLast("shell", new Arrivals(log, arrivals, inactive));
                    }
                });
        ChannelFuture connecting = bootstrap.connect(peer).await();
        if (!connecting.isSuccess()) {
            Throwable cause = connecting.cause();
            throw new IOException("cannot connect to " + peer.getHostString() + ":" + peer.getPort() + ": "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        }
        log.connected(framing == FrameFormat.V2 ? "v2" : "legacy");
        return new ShellConnection(connecting.channel(), log, inactive);
    }

    boolean isOpen() {
        return channel.isActive();
    }

    /** Logs and writes a command; a failed write is logged as an error. */
    void send(Command command) throws InterruptedException {
        log.sent(command);
        written(channel.writeAndFlush(command).await());
    }

    /**
     * Logs and writes bytes as one frame's payload, whatever they are.
     *
     * @param parsed      the payload read as a {@code Command}, for the log, or null
     * @param decodeError why it does not read as one, when {@code parsed} is null
     */
    void sendRaw(byte[] payload, Command parsed, String decodeError) throws InterruptedException {
        log.sentRaw(payload, parsed, decodeError);
        written(channel.writeAndFlush(Unpooled.wrappedBuffer(payload)).await());
    }

    private void written(ChannelFuture write) {
        if (!write.isSuccess()) {
            log.error(null, "write failed: " + write.cause());
        }
    }

    /** Closes and waits (at most 5 s) until the end is logged, so that it comes before what follows. */
    @Override
    public void close() throws InterruptedException {
        channel.close();
        inactive.await(5, TimeUnit.SECONDS);
    }

    /** Logs and queues what arrives. */
    private static final class Arrivals extends ChannelInboundHandlerAdapter {

        private final EventLog log;
        private final BlockingQueue<Object> arrivals;
        private final CountDownLatch inactive;

        Arrivals(EventLog log, BlockingQueue<Object> arrivals, CountDownLatch inactive) {
            this.log = log;
            this.arrivals = arrivals;
            this.inactive = inactive;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof Command command) {
                log.received(command);
                arrivals.add(command);
            } else {
                ctx.fireChannelRead(message);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof ChecksumMismatch mismatch) {
                log.error(null, "a v2 frame of " + mismatch.payloadBytes() + " bytes was dropped: checksum mismatch");
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Throwable reported = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
            log.error(null, "closing after " + reported);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            log.closed();
            arrivals.add(CLOSED);
            inactive.countDown();
            ctx.fireChannelInactive();
        }
    }
}
