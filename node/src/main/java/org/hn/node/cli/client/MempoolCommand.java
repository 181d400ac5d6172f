package org.hn.node.cli.client;

import java.time.Clock;
import java.util.List;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.proto.Command.Type;
import org.hn.node.wire.proto.TX;
import picocli.CommandLine.Command;

/**
 * {@code hn mempool}: the messages waiting in the node's mempool ({@code spec/client.md §4.12}): {@code mempool} with
 * {@code int32_value = 1} and no message, answered on a fresh connection with every pooled message of the last
 * hour (a random sample of at most 2000).
 */
@Command(
        name = "mempool",
        header = "List the messages waiting in a node's mempool.",
        description = {
            "JSON: an array of [txid, block_height, timestamp, sender, recipient, what, params, value, pubkey,",
            "received].",
            "",
            "Example:",
            "  hn mempool --data ~/.hn"
        })
public final class MempoolCommand extends QueryCommand {

    @Override
    Rendered query(NodeConnection node, Clock clock) throws QueryFailure {
        List<TX> protos = node.ask(Commands.withInt32(Type.mempool, 1)).getTxValuesList();
        return ChainRendering.listing(ChainRendering.messages(protos, clock.millis() / 1000), "the mempool is empty\n");
    }
}
