package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PeerCommandTest {

    @TempDir
    Path dir;

    @Test
    void hostAndPort() {
        assertEquals(new InetSocketAddress("127.0.0.1", 6969), PeerCommand.parsePeer("127.0.0.1:6969"));
        assertEquals(new InetSocketAddress("::1", 6969), PeerCommand.parsePeer("[::1]:6969"));
        assertNull(PeerCommand.parsePeer("127.0.0.1"));
        assertNull(PeerCommand.parsePeer("127.0.0.1:"));
        assertNull(PeerCommand.parsePeer(":6969"));
        assertNull(PeerCommand.parsePeer("127.0.0.1:0"));
        assertNull(PeerCommand.parsePeer("127.0.0.1:65536"));
        assertNull(PeerCommand.parsePeer("127.0.0.1:http"));
    }

    @Test
    void badUsageExitsTwoAndAFailedScriptOne() throws Exception {
        CommandLine command = HnCommand.commandLine();
        StringWriter err = new StringWriter();
        command.setErr(new PrintWriter(err));
        assertEquals(2, command.execute("peer", "localhost"));
        assertEquals("hn peer: 'localhost' is not HOST:PORT with a port from 1 to 65535", err.toString().strip());

        Path script = dir.resolve("session.txt");
        Files.writeString(script, "hello\nquit\n");
        CommandLine second = HnCommand.commandLine();
        StringWriter out = new StringWriter();
        second.setOut(new PrintWriter(out));
        assertEquals(1, second.execute("peer", "127.0.0.1:18242", "--script", script.toString(), "--timeout", "2"));
        String line = out.toString().strip();
        assertTrue(line.matches("\\{\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\",\"peer\":"
                + "\"127\\.0\\.0\\.1:18242\",\"event\":\"error\",\"error\":\"cannot connect to 127\\.0\\.0\\.1:18242: .*\"}"),
                line);
    }
}
