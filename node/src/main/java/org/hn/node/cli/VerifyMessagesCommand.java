package org.hn.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hn.chain.message.MessageVerifier;
import org.hn.chain.message.MessageVerifier.AddressPolicy;
import org.hn.config.Network;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hn verify-messages}: checks every PoS message of a JSON file offline, in parallel, with the
 * strict address policy ({@code spec/chain.md §4.4}, rows as in §4.5), and reports counts and the first
 * failures. Exit 0 when the file was read whatever the verdicts, 1 when the file cannot be used.
 */
@Command(
        name = "verify-messages",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Verify a JSON file of PoS messages offline: addresses, keys, signatures.",
        description = {
            "Check every PoS message of a JSON file offline: sender and recipient are valid addresses of the"
                    + " network, the pubkey derives the sender, the signature verifies, and no timestamp is more"
                    + " than 5 s ahead of this machine's clock. Nothing is sent or stored.",
            "",
            "FILE holds one JSON array of messages, each a 10-element row",
            "(spec chain.md section 4.5):",
            "  [txid_hex, block_height, timestamp, sender, recipient,",
            "   what, params, value, pubkey_hex, received]",
            "txid is the 64-byte signature r||s and pubkey the 64-byte key x||y, both in hex; timestamp is in"
                    + " unix seconds; block_height and received are not signed. For example:",
            "  [\"50d8a0cb...(128 hex digits)\", 0, 1561900477,",
            "   \"BPJ8Su4F8EyBxLqyzhrKToC91aAvnchKmQ\",",
            "   \"BPJ8Su4F8EyBxLqyzhrKToC91aAvnchKmQ\",",
            "   0, \"\", 0, \"f3b1f659...(128 hex digits)\", 0]",
            "A row of another shape counts as invalid (\"malformed row\"); the run stops only when the file"
                    + " itself is unreadable or not a JSON array.",
            ""
        },
        footer = {
            "",
            "Exit status: 0 when the file was read (whatever the verdicts), 1 when it cannot be read or is not a"
                    + " JSON array, 2 on bad usage.",
            "",
            "Examples:",
            "  hn verify-messages txs.json",
            "  hn verify-messages --json --network testnet --threads 1 txs.json"
        })
final class VerifyMessagesCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--json",
            description = "Print only one JSON line: {\"total\": N, \"valid\": V, \"invalid\": I, \"seconds\": S},"
                    + " S being the time spent reading and verifying, in seconds.")
    private boolean json;

    @Option(names = "--network", paramLabel = "NETWORK", converter = NetworkConverter.class,
            description = "mainnet, testnet or devnet: whose address id the senders must carry (default: mainnet).")
    private Network network = Network.MAINNET;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of processors).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(paramLabel = "FILE", description = "The JSON array of message rows.")
    private Path file;

    private final Clock clock;

    VerifyMessagesCommand() {
        this(Clock.systemUTC());
    }

    /** @param clock the local clock for the future-timestamp rule */
    VerifyMessagesCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be at least 1, got " + threads);
        }
        MessageFileVerifier verifier =
                new MessageFileVerifier(new MessageVerifier(network.networkId(), AddressPolicy.STRICT), threads);
        long started = System.nanoTime();
        VerificationTally tally;
        try {
            tally = verifier.verify(file, clock.instant().getEpochSecond());
        } catch (MessageFileException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("hn verify-messages: " + e.getMessage());
            err.flush();
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(String.format(Locale.ROOT,
                    "{\"total\": %d, \"valid\": %d, \"invalid\": %d, \"seconds\": %.3f}",
                    tally.total(), tally.valid(), tally.invalid(), seconds));
        } else {
            printSummary(out, tally, seconds);
        }
        out.flush();
        return 0;
    }

    private void printSummary(PrintWriter out, VerificationTally tally, double seconds) {
        out.printf(Locale.ROOT, "File:     %s%n", file);
        out.printf(Locale.ROOT, "Network:  %s (address id 0x%s)%n",
                network.id(), HexFormat.of().toHexDigits(network.networkId()));
        out.printf(Locale.ROOT, "Messages: %d%n", tally.total());
        out.printf(Locale.ROOT, "Valid:    %d%n", tally.valid());
        out.printf(Locale.ROOT, "Invalid:  %d%n", tally.invalid());
        out.printf(Locale.ROOT, "Time:     %.3f s on %d thread%s%n", seconds, threads, threads == 1 ? "" : "s");
        if (tally.invalid() == 0) {
            return;
        }
        out.printf(Locale.ROOT, "%nInvalid by reason:%n");
        for (Map.Entry<String, Long> entry : tally.invalidByReason().entrySet()) {
            out.printf(Locale.ROOT, "  %8d  %s%n", entry.getValue(), entry.getKey());
        }
        String shown = tally.invalid() > VerificationTally.FIRST_FAILURES
                ? "First " + VerificationTally.FIRST_FAILURES + " failures" : "Failures";
        out.printf(Locale.ROOT, "%n%s (row index from 0, txid prefix, reason):%n", shown);
        for (RowFailure failure : tally.firstFailures()) {
            String reason = failure.detail().equals(failure.reason())
                    ? failure.reason() : failure.reason() + ": " + failure.detail();
            out.printf(Locale.ROOT, "  #%-6d %-16s  %s%n", failure.index(), failure.txidPrefix(), reason);
        }
    }
}
