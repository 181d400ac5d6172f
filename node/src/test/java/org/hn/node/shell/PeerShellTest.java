package org.hn.node.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.hn.config.Network;
import org.hn.node.server.FakeNode;
import org.hn.node.server.LoopbackServer;
import org.hn.node.server.ServerSettings;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.hello.HelloString;
import org.junit.jupiter.api.Test;

/** A script against a real peer server on loopback in front of a {@link FakeNode}. */
class PeerShellTest {

    private static final int PORT = 18240;
    private static final int NOTHING_THERE = 18241;
    private static final String START = "{\"time\":\"2026-11-23T14:00:00.000Z\",\"peer\":\"127.0.0.1:" + PORT + "\",";
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-23T14:00:00Z"), ZoneOffset.UTC);

    private static PeerShell.Settings settings(int port, Duration answerTimeout) {
        return new PeerShell.Settings(new InetSocketAddress("127.0.0.1", port), FrameSettings.defaults(Network.MAINNET),
                false, new HelloString("posnet0002", HelloString.CLIENT_PORT, FakeNode.ADDRESS_1), Duration.ofSeconds(5),
                answerTimeout);
    }

    private static List<String> run(PeerShell.Settings settings, String script, int expectedErrors) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter help = new StringWriter();
        EventLog log = new EventLog(new PrintWriter(out), FIXED, "127.0.0.1:" + settings.peer().getPort());
        PeerShell shell = new PeerShell(settings, log, new PrintWriter(help));
        try {
            assertEquals(expectedErrors, shell.run(new BufferedReader(new StringReader(script))));
        } finally {
            shell.close();
        }
        return out.toString().lines().toList();
    }

    private static String line(String fields) {
        return START + fields + "}";
    }

    @Test
    void aScriptIsLoggedMessageByMessage() throws Exception {
        String script = String.join("\n",
                "# a session against the fake node",
                "hello",
                "ping",
                "height",
                "blockinfo 1",
                "blockinfo abc",
                "roundblocks 880",
                "mempool",
                "raw 0815",
                "frobnicate 1",
                "legacy on",
                "HELLO",
                "raw 0806",
                "quit",
                "hello");
        List<String> lines;
        try (LoopbackServer server = new LoopbackServer(ServerSettings.defaults(Network.MAINNET), Set.of("127.0.0.1"),
                1, PORT)) {
            lines = run(settings(PORT, Duration.ofSeconds(10)), script, 2);
        }
        String ourHello = "posnet000200101" + FakeNode.ADDRESS_1;
        String theirHello = "posnet000206969" + FakeNode.ADDRESS_0;
        String block0 = "{\"height\":0,\"round\":880,\"sir\":0,\"ts\":1600000000,\"previous_hash\":\"" + "00".repeat(20)
                + "\",\"txs\":1,\"msg_count\":1,\"sources\":1,\"block_hash\":\"" + "01".repeat(20) + "\",\"forger\":\""
                + FakeNode.ADDRESS_1 + "\"}";
        String block1 = "{\"height\":1,\"round\":880,\"sir\":1,\"ts\":1600000001,\"previous_hash\":\"" + "01".repeat(20)
                + "\",\"txs\":1,\"msg_count\":1,\"sources\":1,\"block_hash\":\"" + "02".repeat(20) + "\",\"forger\":\""
                + FakeNode.ADDRESS_1 + "\"}";
        assertEquals(List.of(
                line("\"event\":\"connected\",\"framing\":\"v2\""),
                line("\"direction\":\"sent\",\"command\":\"hello\",\"string_value\":\"" + ourHello + "\""),
                line("\"direction\":\"received\",\"command\":\"hello\",\"string_value\":\"" + theirHello + "\""),
                line("\"direction\":\"sent\",\"command\":\"ping\""),
                line("\"direction\":\"sent\",\"command\":\"height\",\"height_value\":{\"height\":0,\"round\":0,\"sir\":0,"
                        + "\"block_hash\":\"\",\"uniques\":0,\"uniques_round\":0,\"forgers\":0,\"forgers_round\":0}"),
                line("\"direction\":\"received\",\"command\":\"height\",\"height_value\":{\"height\":2,\"round\":881,"
                        + "\"sir\":2,\"block_hash\":\"" + "03".repeat(20) + "\",\"uniques\":5,\"uniques_round\":1,"
                        + "\"forgers\":3,\"forgers_round\":1}"),
                line("\"direction\":\"sent\",\"command\":\"blockinfo\",\"int32_value\":1"),
                line("\"direction\":\"received\",\"command\":\"blockinfo\",\"height_value\":{\"height\":1,\"round\":880,"
                        + "\"sir\":1,\"block_hash\":\"" + "02".repeat(20) + "\",\"uniques\":4,\"uniques_round\":0,"
                        + "\"forgers\":2,\"forgers_round\":0}"),
                line("\"event\":\"error\",\"input\":\"blockinfo abc\",\"error\":\"blockinfo: 'abc' is not a number from 0"
                        + " to 2147483647\""),
                line("\"direction\":\"sent\",\"command\":\"roundblocks\",\"int32_value\":880"),
                line("\"direction\":\"received\",\"command\":\"roundblocks\",\"block_value\":[" + block0 + "," + block1
                        + "]"),
                line("\"direction\":\"sent\",\"command\":\"mempool\",\"int32_value\":1"),
                line("\"direction\":\"received\",\"command\":\"mempool\""),
                line("\"direction\":\"sent\",\"raw\":\"0815\",\"command\":\"getheights\""),
                line("\"direction\":\"received\",\"command\":\"getheights\",\"string_value\":\"{\\\"10.0.0.9:06969\\\":"
                        + " {\\\"height\\\": 2}}\""),
                line("\"event\":\"error\",\"input\":\"frobnicate 1\",\"error\":\"unknown command 'frobnicate'; type help\""),
                line("\"event\":\"closed\""),
                line("\"event\":\"connected\",\"framing\":\"legacy\""),
                line("\"direction\":\"sent\",\"command\":\"hello\",\"string_value\":\"" + ourHello + "\""),
                line("\"direction\":\"received\",\"command\":\"hello\",\"string_value\":\"" + theirHello + "\""),
                line("\"direction\":\"sent\",\"raw\":\"0806\",\"command\":\"block\""),
                line("\"event\":\"closed\"")), lines);
    }

    @Test
    void anUnansweredRequestTimesOutAndARefusedConnectionIsAnError() throws Exception {
        List<String> lines;
        try (LoopbackServer server = new LoopbackServer(ServerSettings.defaults(Network.MAINNET), Set.of("127.0.0.1"),
                1, PORT)) {
            lines = run(settings(PORT, Duration.ofMillis(300)), "hello\nraw 0803\n", 0);
        }
        assertEquals(line("\"direction\":\"sent\",\"raw\":\"0803\",\"command\":\"ping\""), lines.get(3));
        assertEquals(line("\"event\":\"timeout\",\"waited_ms\":300"), lines.get(4));
        assertEquals(line("\"event\":\"closed\""), lines.get(5));
        assertEquals(6, lines.size());

        List<String> refused = run(settings(NOTHING_THERE, Duration.ofMillis(300)), "hello\nraw zz\n", 2);
        String start = START.replace(":" + PORT, ":" + NOTHING_THERE);
        assertTrue(refused.get(0).startsWith(start + "\"event\":\"error\",\"error\":\"cannot connect to 127.0.0.1:"
                + NOTHING_THERE + ": "), refused.get(0));
        assertEquals(start + "\"event\":\"error\",\"input\":\"raw zz\",\"error\":\"raw: 'zz' is not an even number of"
                + " hex digits\"}", refused.get(1));
        assertEquals(2, refused.size());
    }

    @Test
    void aPayloadThatIsNotACommandIsSentAndLoggedWithWhyItDoesNotDecode() throws Exception {
        List<String> lines;
        try (LoopbackServer server = new LoopbackServer(ServerSettings.defaults(Network.MAINNET), Set.of("127.0.0.1"),
                1, PORT)) {
            lines = run(settings(PORT, Duration.ofSeconds(10)), "raw ff\n", 0);
        }
        assertTrue(lines.get(1).startsWith(line("\"direction\":\"sent\",\"raw\":\"ff\",\"decode_error\":\"MALFORMED_COMMAND")
                .replace("}", "")), lines.get(1));
        assertEquals(line("\"event\":\"closed\""), lines.get(2));
    }
}
