package org.hn.node.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/**
 * The listening socket of the peer protocol ({@code spec/wire.md §1.1}: default port 6969, backlog 128).
 * The event loop groups belong to the caller, which shuts them down.
 */
public final class PeerServer implements AutoCloseable {

    /** Pending accepts the kernel queues, as the reference. */
    private static final int BACKLOG = 128;

    private final Channel channel;
    private final ChannelGroup connections;

    private PeerServer(Channel channel, ChannelGroup connections) {
        this.channel = channel;
        this.connections = connections;
    }

    /**
     * Binds and starts accepting.
     *
     * @param address     where to listen; port 0 picks a free port (see {@link #localAddress()})
     * @param acceptGroup event loop accepting connections
     * @param ioGroup     event loops serving connections
     * @param settings    write buffer water marks among others
     * @param initializer builds each accepted connection's pipeline
     * @throws InterruptedException if interrupted while binding
     * @throws io.netty.channel.ChannelException (or another exception of the bind) if the address cannot be bound
     */
    public static PeerServer bind(InetSocketAddress address, EventLoopGroup acceptGroup, EventLoopGroup ioGroup,
                                  ServerSettings settings, ServerInitializer initializer) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(settings.writeBufferLowBytes(), settings.writeBufferHighBytes()))
                .childHandler(initializer);
        return new PeerServer(bootstrap.bind(address).sync().channel(), initializer.connections());
    }

    /** The bound address, with the actual port. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Stops accepting and closes every open connection, so that peers notice at once. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
    }
}
