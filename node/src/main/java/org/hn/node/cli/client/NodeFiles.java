package org.hn.node.cli.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.hn.chain.wallet.PosWallet;
import org.hn.chain.wallet.WalletException;
import org.hn.config.Network;
import org.hn.config.settings.Setting;
import org.hn.config.settings.Settings;
import org.hn.config.settings.SettingsException;
import org.hn.node.auth.NodeSecret;
import org.hn.node.auth.NodeSecretException;

/**
 * A node's data directory as the client commands read it: its settings ({@code hn.conf} and {@code HN_*}
 * variables, as {@code hn run} resolves them), its PoS wallet and its token secret. Nothing here creates or
 * changes a file.
 *
 * @param dir      the data directory
 * @param settings its resolved settings
 */
record NodeFiles(Path dir, Settings settings) {

    /**
     * Reads the settings of a data directory.
     *
     * @param environment the process environment, for {@code HN_*} overrides
     * @throws QueryFailure {@link QueryExit#FAILED} when the directory does not exist or a setting is wrong
     */
    static NodeFiles open(Path dir, Map<String, String> environment) throws QueryFailure {
        if (!Files.isDirectory(dir)) {
            throw new QueryFailure(QueryExit.FAILED, dir + ": no such data directory");
        }
        try {
            return new NodeFiles(dir, Settings.load(dir.resolve(Settings.OPERATOR_FILE), environment, Map.of()));
        } catch (SettingsException e) {
            throw new QueryFailure(QueryExit.FAILED, e.getMessage());
        }
    }

    /** The node's network ({@code NETWORK}). */
    Network network() {
        return Network.fromId(settings.text(Setting.NETWORK));
    }

    /** Where the node listens: {@code BIND} (loopback when it listens on every interface) and {@code PORT}. */
    InetSocketAddress listenAddress() throws QueryFailure {
        try {
            InetAddress bind = InetAddress.getByName(settings.text(Setting.BIND));
            InetAddress host = bind.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bind;
            return new InetSocketAddress(host, settings.integer(Setting.PORT));
        } catch (UnknownHostException e) {
            throw new QueryFailure(QueryExit.FAILED, "BIND " + settings.text(Setting.BIND) + " is not an address");
        }
    }

    /** {@code <dir>/poswallet.json}. */
    Path walletFile() {
        return dir.resolve(PosWallet.FILE_NAME);
    }

    /**
     * The node's PoS wallet, read and checked, never created.
     *
     * @throws QueryFailure {@link QueryExit#FAILED} when it is missing or cannot be read
     */
    PosWallet wallet() throws QueryFailure {
        if (!Files.exists(walletFile())) {
            throw new QueryFailure(QueryExit.FAILED, walletFile() + ": no wallet; create it with 'hn keygen --data "
                    + dir + "' or start the node once");
        }
        try {
            return PosWallet.read(walletFile(), network().networkId());
        } catch (WalletException e) {
            throw new QueryFailure(QueryExit.FAILED, e.getMessage());
        }
    }

    /**
     * The node's token secret, never created.
     *
     * @return empty when the node never started
     * @throws QueryFailure {@link QueryExit#FAILED} when the file exists but cannot be used (e.g. not ours to read)
     */
    Optional<NodeSecret> secret() throws QueryFailure {
        try {
            return NodeSecret.loadExisting(dir);
        } catch (NodeSecretException e) {
            throw new QueryFailure(QueryExit.FAILED, e.getMessage() + "; or pass a token with --token");
        }
    }
}
