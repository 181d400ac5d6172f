package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hn.chain.wallet.PosWallet;
import org.hn.config.Network;
import org.hn.node.server.FakeNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hn doctor} in-process on a data directory before the node's first start. */
class DoctorCommandTest {

    @TempDir
    Path data;

    @Test
    void beforeTheFirstStartTheWalletFailsAndTheExitCodeIsOne() throws Exception {
        Files.writeString(data.resolve("hn.conf"), "NETWORK=devnet\nPORT=18230\nPOW_LEDGER_DB=ledger.db\n");
        CommandLine command = HnCommand.commandLine();
        StringWriter out = new StringWriter();
        command.setOut(new PrintWriter(out));
        int exit = command.execute("doctor", "--data", data.toString(), "--json", "--ntp-server", "127.0.0.1:18231",
                "--timeout", "1");
        assertEquals(1, exit);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals("fail", report.get("verdict").asText());
        List<String> checks = new ArrayList<>();
        report.get("checks").forEach(check -> checks.add(check.get("check").asText() + " "
                + check.get("verdict").asText()));
        assertEquals(List.of("settings ok", "clock unknown", "port warn", "public-port unknown", "pow-ledger fail",
                "registration unknown"), checks.subList(0, 6));
        assertEquals(List.of("disk", "write-latency", "memory", "java"), checks.subList(6, 10).stream()
                .map(check -> check.substring(0, check.indexOf(' '))).toList());
        assertEquals(List.of("poswallet.json-mode fail", "jwt.secret-mode warn"), checks.subList(10, 12));
        assertEquals(12, checks.size());
        assertEquals("network devnet, port 18230, from " + data.resolve("hn.conf"),
                report.get("checks").get(0).get("summary").asText());
    }

    @Test
    void aWalletOfAnotherNetworkFailsBeforeTheChecks() throws Exception {
        Files.writeString(data.resolve("hn.conf"), "NETWORK=devnet\nPORT=18230\nPOW_LEDGER_DB=ledger.db\n");
        PosWallet.of(FakeNode.key(0), Network.MAINNET.networkId(), 1_700_000_000L).create(data.resolve("poswallet.json"));
        CommandLine command = HnCommand.commandLine();
        StringWriter out = new StringWriter();
        command.setOut(new PrintWriter(out));
        assertEquals(1, command.execute("doctor", "--data", data.toString(), "--json", "--ntp-server",
                "127.0.0.1:18231", "--timeout", "1"));
        JsonNode checks = new ObjectMapper().readTree(out.toString()).get("checks");
        assertEquals("settings", checks.get(0).get("check").asText());
        assertEquals("wallet", checks.get(1).get("check").asText());
        assertEquals("fail", checks.get(1).get("verdict").asText());
        assertEquals("restore " + data.resolve("poswallet.json") + " from your backup: the node refuses to start with it",
                checks.get(1).get("fix").asText());
    }

    @Test
    void aBrokenSettingsFileFailsAndTheNodeChecksAreSkipped() throws Exception {
        Files.writeString(data.resolve("hn.conf"), "PORT=seventy\n");
        CommandLine command = HnCommand.commandLine();
        StringWriter out = new StringWriter();
        command.setOut(new PrintWriter(out));
        int exit = command.execute("doctor", "--data", data.toString(), "--ntp-server", "127.0.0.1:18231",
                "--timeout", "1");
        assertEquals(1, exit);
        String text = out.toString();
        assertEquals(true, text.startsWith("fail    settings"), text);
        assertEquals(false, text.contains("pow-ledger"), text);
    }
}
