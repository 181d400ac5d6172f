package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hn.bootstrap.SnapshotFixture;
import org.hn.chain.block.PosBlock;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.chain.wallet.PosWallet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hn bootstrap create | verify | import} end to end on a test chain. */
class BootstrapCommandTest {

    @TempDir
    Path folder;

    private Path source;
    private List<PosBlock> blocks;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = HnCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @BeforeEach
    void makeNode() throws Exception {
        source = Files.createDirectories(folder.resolve("source"));
        PosWallet.of(TestChain.key(0), TestChain.MAINNET, 1_600_000_000L).create(source.resolve(PosWallet.FILE_NAME));
        try (ChainStore store = ChainStore.open(source.resolve("chain.db"))) {
            blocks = SnapshotFixture.grow(store, 1, 4, 2);
        }
    }

    @Test
    void createVerifyAndImportAnArchive() throws Exception {
        Path archive = folder.resolve("hn_bs.tar.gz");
        Run created = run("bootstrap", "create", "--data", source.toString(), "--out", archive.toString(),
                "--round", "3");
        assertEquals(0, created.exitCode(), created.err());
        String tip = blocks.get(5).blockHashHex();
        assertEquals("created " + archive + ": mainnet round 3, height 6, tip " + tip + ", signed by "
                + TestChain.address(0) + "\n", created.out());

        Run verified = run("bootstrap", "verify", archive.toString(), "--json", "--work", folder.toString());
        assertEquals(0, verified.exitCode(), verified.err());
        JsonNode answer = new ObjectMapper().readTree(verified.out());
        assertEquals(true, answer.get("valid").asBoolean());
        assertEquals("mainnet", answer.get("network").asText());
        assertEquals(3, answer.get("round").asLong());
        assertEquals(6, answer.get("height").asLong());
        assertEquals(tip, answer.get("tip_hash").asText());
        assertEquals(TestChain.address(0), answer.get("signer").asText());

        Path target = folder.resolve("target");
        Run imported = run("bootstrap", "import", "--data", target.toString(), "--from", archive.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        try (ChainStore store = ChainStore.open(target.resolve("chain.db"))) {
            assertEquals(6, store.tip().height());
            assertEquals(tip, store.tip().blockHashHex());
        }

        Run again = run("bootstrap", "import", "--data", target.toString(), "--from", archive.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("TARGET_NOT_EMPTY"), again.err());
        assertEquals(0, run("bootstrap", "import", "--data", target.toString(), "--from", archive.toString(),
                "--force").exitCode());
    }

    @Test
    void aDamagedArchiveIsRefusedWithItsReason() throws Exception {
        Path archive = folder.resolve("hn_bs.tar.gz");
        assertEquals(0, run("bootstrap", "create", "--data", source.toString(), "--out", archive.toString(),
                "--round", "3").exitCode());
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length - 3] ^= 0x20;
        Files.write(archive, bytes);

        Run verified = run("bootstrap", "verify", archive.toString(), "--json", "--work", folder.toString());
        assertEquals(1, verified.exitCode());
        assertEquals("TRUNCATED", new ObjectMapper().readTree(verified.out()).get("reason").asText());
        assertTrue(verified.err().startsWith("hn bootstrap verify: TRUNCATED: "), verified.err());

        Run untrusted = run("bootstrap", "verify", folder.resolve("missing.tar.gz").toString());
        assertEquals(1, untrusted.exitCode());
        assertTrue(untrusted.err().startsWith("hn bootstrap verify: IO: "), untrusted.err());
    }

    @Test
    void anUntrustedSignerIsRefused() throws Exception {
        Path archive = folder.resolve("hn_bs.tar.gz");
        assertEquals(0, run("bootstrap", "create", "--data", source.toString(), "--out", archive.toString(),
                "--round", "3").exitCode());
        Run refused = run("bootstrap", "verify", archive.toString(), "--signer", TestChain.address(1),
                "--work", folder.toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().startsWith("hn bootstrap verify: UNTRUSTED_SIGNER: "), refused.err());
    }
}
