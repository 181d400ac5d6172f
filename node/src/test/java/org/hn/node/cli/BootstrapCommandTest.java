package org.hn.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** {@code hn bootstrap create | verify | import} end to end on a test chain. */
class BootstrapCommandTest {

    @TempDir
    Path folder;

    private Path source;
    private List<PosBlock> blocks;

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
        HnRun created = HnRun.of("bootstrap", "create", "--data", source.toString(), "--out", archive.toString(),
                "--round", "3");
        assertEquals(0, created.exit(), created.err());
        String tip = blocks.get(5).blockHashHex();
        assertEquals("created " + archive + ": mainnet round 3, height 6, tip " + tip + ", signed by "
                + TestChain.address(0) + "\n", created.out());

        HnRun verified = HnRun.of("bootstrap", "verify", archive.toString(), "--json", "--work", folder.toString());
        assertEquals(0, verified.exit(), verified.err());
        JsonNode answer = new ObjectMapper().readTree(verified.out());
        assertEquals(true, answer.get("valid").asBoolean());
        assertEquals("mainnet", answer.get("network").asText());
        assertEquals(3, answer.get("round").asLong());
        assertEquals(6, answer.get("height").asLong());
        assertEquals(tip, answer.get("tip_hash").asText());
        assertEquals(TestChain.address(0), answer.get("signer").asText());

        Path target = folder.resolve("target");
        HnRun imported = HnRun.of("bootstrap", "import", "--data", target.toString(), "--from", archive.toString());
        assertEquals(0, imported.exit(), imported.err());
        try (ChainStore store = ChainStore.open(target.resolve("chain.db"))) {
            assertEquals(6, store.tip().height());
            assertEquals(tip, store.tip().blockHashHex());
        }

        HnRun again = HnRun.of("bootstrap", "import", "--data", target.toString(), "--from", archive.toString());
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("TARGET_NOT_EMPTY"), again.err());
        assertEquals(0, HnRun.of("bootstrap", "import", "--data", target.toString(), "--from", archive.toString(),
                "--force").exit());
    }

    @Test
    void aDamagedArchiveIsRefusedWithItsReason() throws Exception {
        Path archive = folder.resolve("hn_bs.tar.gz");
        assertEquals(0, HnRun.of("bootstrap", "create", "--data", source.toString(), "--out", archive.toString(),
                "--round", "3").exit());
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length - 3] ^= 0x20;
        Files.write(archive, bytes);

        HnRun verified = HnRun.of("bootstrap", "verify", archive.toString(), "--json", "--work", folder.toString());
        assertEquals(1, verified.exit());
        assertEquals("TRUNCATED", new ObjectMapper().readTree(verified.out()).get("reason").asText());
        assertTrue(verified.err().startsWith("hn bootstrap verify: TRUNCATED: "), verified.err());

        HnRun untrusted = HnRun.of("bootstrap", "verify", folder.resolve("missing.tar.gz").toString());
        assertEquals(1, untrusted.exit());
        assertTrue(untrusted.err().startsWith("hn bootstrap verify: IO: "), untrusted.err());
    }

    @Test
    void anUntrustedSignerIsRefused() throws Exception {
        Path archive = folder.resolve("hn_bs.tar.gz");
        assertEquals(0, HnRun.of("bootstrap", "create", "--data", source.toString(), "--out", archive.toString(),
                "--round", "3").exit());
        HnRun refused = HnRun.of("bootstrap", "verify", archive.toString(), "--signer", TestChain.address(1),
                "--work", folder.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().startsWith("hn bootstrap verify: UNTRUSTED_SIGNER: "), refused.err());
    }
}
