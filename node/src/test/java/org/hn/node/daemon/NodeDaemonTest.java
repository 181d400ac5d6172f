package org.hn.node.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.hn.bootstrap.ArchiveServer;
import org.hn.bootstrap.SnapshotFixture;
import org.hn.bootstrap.create.SnapshotCreator;
import org.hn.chain.block.Genesis;
import org.hn.chain.store.ChainStore;
import org.hn.chain.testing.TestChain;
import org.hn.chain.wallet.PosWallet;
import org.hn.config.Network;
import org.hn.config.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeDaemonTest {

    @TempDir
    Path dataDir;

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theMainnetGenesisInitialisesAMainnetDataDirectory() throws Exception {
        Path missingLedger = dataDir.resolve("no-such-ledger.db");
        Settings settings = Settings.load(null, Map.of(), Map.of("NETWORK", "mainnet", "PORT",
                Integer.toString(freePort()), "BIND", "127.0.0.1", "POW_LEDGER_DB", missingLedger.toString()));
        try (NodeDaemon daemon = NodeDaemon.start(dataDir, settings, Clock.systemUTC())) {
            assertEquals("127.0.0.1", daemon.listenAddress().getAddress().getHostAddress());
            assertTrue(Files.isRegularFile(dataDir.resolve(NodeDaemon.STATUS_FILE)));
            String status = Files.readString(dataDir.resolve(NodeDaemon.STATUS_FILE));
            assertTrue(status.contains("POW_NOT_SYNC"), "waits for the missing PoW ledger: " + status);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve(PosWallet.FILE_NAME))));
        assertTrue(Files.notExists(missingLedger), "the node does not create a PoW ledger");
        try (ChainStore store = ChainStore.openExisting(dataDir.resolve(NodeDaemon.CHAIN_FILE))) {
            assertEquals(List.of(Genesis.mainnet()), store.blocksFrom(0, 10));
            assertEquals(1, store.processStarts());
        }
    }

    @Test
    void anEmptyNodeStartsFromTheConfiguredBootstrapArchive() throws Exception {
        Path source = dataDir.resolve("source.db");
        String tip;
        try (ChainStore store = ChainStore.open(source)) {
            tip = SnapshotFixture.grow(store, 1, 3, 2).get(3).blockHashHex();
        }
        Path archive = dataDir.resolve("published.tar.gz");
        new SnapshotCreator(Network.MAINNET, TestChain.key(0), Clock.systemUTC()).create(source, 2, archive);
        Path node = dataDir.resolve("node");
        try (ArchiveServer server = new ArchiveServer(18320, Files.readAllBytes(archive), true, -1)) {
            Settings settings = Settings.load(null, Map.of(), Map.of("NETWORK", "mainnet", "PORT", "18321",
                    "BIND", "127.0.0.1", "POW_LEDGER_DB", dataDir.resolve("no-ledger.db").toString(),
                    "BOOTSTRAP_URLS", server.url(), "BOOTSTRAP_SIGNERS", TestChain.address(0)));
            try (NodeDaemon daemon = NodeDaemon.start(node, settings, Clock.systemUTC())) {
                assertEquals(18321, daemon.listenAddress().getPort());
            }
        }
        try (ChainStore store = ChainStore.openExisting(node.resolve(NodeDaemon.CHAIN_FILE))) {
            assertEquals(4, store.tip().height(), "rounds 1 and 2 of the archive");
            assertEquals(tip, store.tip().blockHashHex());
        }
    }
}
