package org.hn.node.cli.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.wallet.PosWallet;
import org.hn.config.Network;
import org.hn.node.cli.NetworkConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hn keygen}: creates a node's PoS wallet ({@code poswallet.json}, mode 0600, the reference's format,
 * {@code spec/client.md §2}). Never overwrites one: the wallet is the hypernode's identity.
 */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Create a node's PoS wallet (DIR/poswallet.json), never overwriting one.",
        description = {
            "Generates a secp256k1 key and writes DIR/poswallet.json readable by its owner only. The address",
            "is derived for the data directory's NETWORK (hn.conf), or --network. The last line printed is",
            "the address alone. Back the file up: it is the hypernode's identity.",
            "",
            "Example:",
            "  hn keygen --data ~/.hn"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the wallet was created", "1:a wallet exists already, or it cannot be written",
            "2:bad usage"})
public final class KeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "The node's data directory.")
    Path data;

    @Option(names = "--network", paramLabel = "NAME", converter = NetworkConverter.class,
            description = "mainnet, testnet or devnet (default: NETWORK of DIR/hn.conf).")
    Network network;

    private final Clock clock;

    public KeygenCommand() {
        this(Clock.systemUTC());
    }

    /** @param clock the wallet's creation time */
    KeygenCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Files.createDirectories(data);
            NodeFiles files = NodeFiles.open(data, System.getenv());
            Path file = files.walletFile();
            if (Files.exists(file)) {
                err.println("hn keygen: " + file + " exists already; a wallet is never overwritten");
                return 1;
            }
            Network chosen = network != null ? network : files.network();
            PosWallet wallet = PosWallet.of(PrivateKey.generate(new SecureRandom()), chosen.networkId(),
                    clock.millis() / 1000);
            wallet.create(file);
            out.println("created " + file + " (" + chosen.id() + "); back it up, it is the hypernode's identity");
            out.println(wallet.address());
            return 0;
        } catch (QueryFailure e) {
            err.println("hn keygen: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("hn keygen: the wallet cannot be written in " + data + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
