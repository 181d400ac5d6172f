package org.hn.node.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.hn.chain.address.Address;
import org.hn.chain.crypto.PrivateKey;
import org.hn.config.Network;
import org.hn.node.shell.EventLog;
import org.hn.node.shell.PeerShell;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.hello.HelloString;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hn peer}: a debugging shell on one peer connection ({@code DESIGN.md §1}). */
@Command(
        name = "peer",
        mixinStandardHelpOptions = true,
        header = "Talk to a hypernode by hand and log every message as JSON.",
        sortOptions = false,
        description = {
            "Open a connection to a hypernode (hn or reference) and send the commands read from stdin or",
            "--script, one per line: hello, ping, height, blockinfo H, blocksync H, roundblocks R, mempool,",
            "raw HEX (any payload), legacy on|off (reconnect in the other framing), help, quit.",
            "Every message sent and received, the connection's opening and end, timeouts and errors are",
            "printed as one JSON line each, with the time (UTC) and the peer. A bad line is reported and",
            "the shell goes on.",
            "",
            "Example:",
            "  printf 'hello\\nheight\\nblockinfo 1\\n' | hn peer 127.0.0.1:6969 --legacy"
        },
        footer = {"", "Exit codes: 0 no error, 1 an input line or a connection failed, 2 bad usage."})
final class PeerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "HOST:PORT", description = "The hypernode to talk to.")
    private String peer;

    @Option(names = "--legacy", description = "Start in legacy (reference) framing instead of v2.")
    private boolean legacy;

    @Option(names = "--script", paramLabel = "FILE", description = "Read the commands from FILE instead of stdin.")
    private Path script;

    @Option(names = "--network", paramLabel = "NETWORK", defaultValue = "mainnet", converter = NetworkConverter.class,
            description = "mainnet, testnet or devnet: the v2 frame magic and the address network (default:"
                    + " ${DEFAULT-VALUE}).")
    private Network network;

    @Option(names = "--address", paramLabel = "ADDRESS",
            description = "The PoS address in our hello (default: the address of a fresh throw-away key).")
    private String address;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Wait at most this long to connect and for each answer (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        InetSocketAddress target = parsePeer(peer);
        if (target == null) {
            err.println("hn peer: '" + peer + "' is not HOST:PORT with a port from 1 to 65535");
            return 2;
        }
        if (timeoutSeconds < 1) {
            err.println("hn peer: --timeout must be at least 1 second");
            return 2;
        }
        String ourAddress = address != null ? address
                : Address.fromPublicKey(PrivateKey.generate(new SecureRandom()).publicKey(), network.networkId());
        HelloString hello;
        try {
            hello = new HelloString(HelloString.CURRENT_POSNET, HelloString.CLIENT_PORT, ourAddress);
        } catch (IllegalArgumentException e) {
            err.println("hn peer: --address: " + e.getMessage());
            return 2;
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        PeerShell.Settings settings = new PeerShell.Settings(target, FrameSettings.defaults(network), legacy, hello,
                timeout, timeout);
        EventLog log = new EventLog(spec.commandLine().getOut(), Clock.systemUTC(), peer);
        try (BufferedReader input = script != null ? Files.newBufferedReader(script, StandardCharsets.UTF_8)
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            PeerShell shell = new PeerShell(settings, log, err);
            try {
                return shell.run(input) == 0 ? 0 : 1;
            } finally {
                shell.close();
            }
        } catch (IOException e) {
            err.println("hn peer: cannot read " + (script != null ? script : "stdin") + ": " + e.getMessage());
            return 1;
        }
    }

    /** {@code host:port}, the host possibly an IPv6 literal in brackets; null when malformed. */
    static InetSocketAddress parsePeer(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return null;
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            return port >= 1 && port <= 65_535 ? new InetSocketAddress(host, port) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
