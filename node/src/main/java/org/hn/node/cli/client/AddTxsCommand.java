package org.hn.node.cli.client;

import java.time.Clock;
import java.util.List;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.proto.Command.Type;
import org.hn.node.wire.proto.TX;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hn addtxs ADDRESS}: the stored messages sent or received by an address ({@code spec/client.md §4.11}). */
@Command(
        name = "addtxs",
        header = "List the stored messages sent or received by a PoS address (at most 100).",
        description = {
            "With --from, only messages from that block height, or from the block of that txid, upward.",
            "JSON: an array of [txid, block_height, timestamp, sender, recipient, what, params, value, pubkey,",
            "received].",
            "",
            "Examples:",
            "  hn addtxs BLYkQwGZmwjsh7DY6HmuNBpTbqoRqX14ne --data ~/.hn",
            "  hn addtxs BLYkQwGZmwjsh7DY6HmuNBpTbqoRqX14ne --from 90000 --data ~/.hn --json"
        })
public final class AddTxsCommand extends QueryCommand {

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "A PoS address.")
    String address;

    @Option(names = "--from", paramLabel = "HEIGHT|TXID", description = "A block height, or a txid whose block to start at.")
    String from;

    @Override
    Rendered query(NodeConnection node, Clock clock) throws QueryFailure {
        String parameter = from == null ? address : address + "," + from;
        List<TX> protos = node.ask(Commands.withString(Type.getaddtxs, parameter)).getTxValuesList();
        return ChainRendering.listing(ChainRendering.messages(protos, clock.millis() / 1000), "no message of " + address + "\n");
    }
}
