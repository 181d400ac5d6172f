package org.hn.node.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hn.config.Network;
import org.hn.node.server.FakeNode;
import org.hn.node.wire.command.CommandDecoder;
import org.hn.node.wire.command.CommandEncoder;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.frame.LegacyFrameDecoder;
import org.hn.node.wire.frame.LegacyFrameEncoder;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;

/**
 * A stand-in for a reference node: legacy framing only. Answers {@code hello} with its hello (or, like the
 * reference, {@code ko "Bad Posnet <posnet>"} outside posnet0002–0004) and
 * {@code status} with {@link #STATUS}. Facing v2 bytes it either breaks off like the reference (its legacy
 * decoder reads the magic as a negative length and closes) or, when silent, reads and never answers.
 */
final class LegacyOnlyPeer implements AutoCloseable {

    static final String HELLO = "posnet000206969" + FakeNode.ADDRESS_1;
    static final String STATUS = "{\"legacy\": true}";

    final AtomicInteger connections = new AtomicInteger();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    LegacyOnlyPeer(boolean silentToV2) throws InterruptedException {
        FrameSettings frames = FrameSettings.defaults(Network.MAINNET);
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.incrementAndGet();
                        if (silentToV2) {
                            channel.pipeline().addLast(new IgnoreV2());
                        }
                        channel.pipeline().addLast(new LegacyFrameDecoder(frames), new LegacyFrameEncoder(frames),
                                new CommandDecoder(), new CommandEncoder(), new Responder());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    @Override
    public void close() throws InterruptedException {
        server.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    /** Swallows a connection's bytes for good if the first one is a v2 magic's. */
    private static final class IgnoreV2 extends ChannelInboundHandlerAdapter {
        private Boolean v2;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ByteBuf bytes = (ByteBuf) message;
            if (v2 == null && bytes.isReadable()) {
                v2 = bytes.getUnsignedByte(bytes.readerIndex()) >= 0x80;
            }
            if (Boolean.TRUE.equals(v2)) {
                ReferenceCountUtil.release(message);
            } else {
                ctx.fireChannelRead(message);
            }
        }
    }

    private static final class Responder extends SimpleChannelInboundHandler<Command> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Command request) {
            switch (request.getCommand()) {
                case hello -> ctx.writeAndFlush(Network.LEGACY_POSNETS.contains(posnetOf(request))
                        ? Command.newBuilder().setCommand(Type.hello).setStringValue(HELLO).build()
                        : Command.newBuilder().setCommand(Type.ko).setStringValue("Bad Posnet " + posnetOf(request)).build());
                case status -> ctx.writeAndFlush(Command.newBuilder().setCommand(Type.status).setStringValue(STATUS).build());
                default -> ctx.close();
            }
        }

        private static String posnetOf(Command hello) {
            String text = hello.getStringValue();
            return text.substring(0, Math.min(10, text.length()));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
