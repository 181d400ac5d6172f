package org.hn.node.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hn.config.Network;
import org.hn.node.auth.TokenScope;
import org.hn.node.auth.Tokens;
import org.hn.node.server.FakeNode;
import org.hn.node.server.LoopbackServer;
import org.hn.node.server.ServerSettings;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client tokens over real sockets ({@code docs/protocol.md §2}): 127.0.0.7 is not in the loopback allowlist. */
class ClientTokenLoopbackTest {

    private static final HelloString CLIENT_HELLO = new HelloString("posnet0002", HelloString.CLIENT_PORT,
            FakeNode.ADDRESS_1);
    private static final long WAIT_SECONDS = 20;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterEach
    void shutdown() throws InterruptedException {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private PeerClient clientFrom(String ip) throws Exception {
        return new PeerClient(group, new ClientSettings(FrameSettings.defaults(Network.MAINNET), Duration.ofSeconds(2),
                Duration.ofSeconds(5)).withLocalAddress(InetAddress.getByName(ip)), new FramingMemory(),
                Clock.systemUTC());
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aRemoteClientNeedsItsTokenAndALoopbackOneDoesNot() throws Exception {
        try (LoopbackServer server = new LoopbackServer(ServerSettings.defaults(Network.MAINNET), Set.of(), 2)) {
            Command status = Commands.bare(Type.status);

            ClientSession anonymous = await(clientFrom("127.0.0.7").open(server.address(), CLIENT_HELLO));
            assertEquals(Commands.withString(Type.ko, "token required"), await(anonymous.request(status)));
            await(anonymous.closed());
            assertFalse(anonymous.isOpen());

            ClientSession withToken = await(clientFrom("127.0.0.7").open(server.address(), CLIENT_HELLO));
            String token = server.tokens.issue(TokenScope.READ, Duration.ofMinutes(5), "monitoring");
            assertEquals(Commands.bare(Type.ok),
                    await(withToken.request(Commands.withString(Type.hello, Tokens.WIRE_PREFIX + token))));
            assertEquals(Commands.withString(Type.status, FakeNode.STATUS_JSON), await(withToken.request(status)));
            withToken.close();

            ClientSession local = await(clientFrom("127.0.0.1").open(server.address(), CLIENT_HELLO));
            assertEquals(Commands.withString(Type.status, FakeNode.STATUS_JSON), await(local.request(status)));
            local.close();
        }
    }
}
