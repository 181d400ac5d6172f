package org.hn.chain.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosWalletTest {

    @TempDir
    Path directory;

    @Test
    void writesAnOwnerOnlyFileInTheReferenceFormatAndReadsItBack() throws Exception {
        PrivateKey key = PrivateKey.fromBytes(TestData.testKeyBytes(0));
        Path file = directory.resolve("node0").resolve(PosWallet.FILE_NAME);
        PosWallet.of(key, (byte) 0x19, 1_600_000_000L).create(file);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        assertEquals(List.of("encrypted", "pubkey", "privkey", "address", "label", "created"),
                List.copyOf(iterable(json.fieldNames())));
        assertEquals("BKuHHD8KX2PHherGDDv4kWeB23DXhY1k5J", json.get("address").asText());
        assertEquals(false, json.get("encrypted").asBoolean());

        PosWallet read = PosWallet.read(file, (byte) 0x19);
        assertArrayEquals(key.toBytes(), read.key().toBytes());
        assertEquals(1_600_000_000L, read.created());
        assertThrows(FileAlreadyExistsException.class, () -> read.create(file));
    }

    @Test
    void refusesWalletsThatDoNotHoldTogether() throws Exception {
        PosWallet wallet = PosWallet.of(PrivateKey.fromBytes(TestData.testKeyBytes(1)), (byte) 0x19, 1);
        Path file = directory.resolve(PosWallet.FILE_NAME);
        wallet.create(file);
        assertEquals(file + ": address " + wallet.address() + " does not derive from the key on this network"
                        + " (expected " + PosWallet.of(wallet.key(), (byte) 0x55, 1).address() + ")",
                assertThrows(WalletException.class, () -> PosWallet.read(file, (byte) 0x55)).getMessage());

        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        json.put("pubkey", json.get("pubkey").asText().replace('A', 'B'));
        Path tampered = directory.resolve("tampered.json");
        Files.writeString(tampered, json.toString());
        assertEquals(tampered + ": pubkey does not belong to privkey",
                assertThrows(WalletException.class, () -> PosWallet.read(tampered, (byte) 0x19)).getMessage());

        Path garbage = directory.resolve("garbage.json");
        Files.writeString(garbage, "{not json");
        assertEquals(true, assertThrows(WalletException.class, () -> PosWallet.read(garbage, (byte) 0x19))
                .getMessage().startsWith(garbage + ": not a JSON wallet"));
        assertEquals(directory.resolve("missing.json") + ": cannot be read (" + directory.resolve("missing.json") + ")",
                assertThrows(WalletException.class, () -> PosWallet.read(directory.resolve("missing.json"), (byte) 0x19))
                        .getMessage());
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> items = new java.util.ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }
}
