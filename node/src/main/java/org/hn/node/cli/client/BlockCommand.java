package org.hn.node.cli.client;

import com.fasterxml.jackson.databind.node.BooleanNode;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.hn.chain.block.PosBlock;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.mapping.ChainProtos;
import org.hn.node.wire.proto.Command.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hn block H}: the full block at a height ({@code spec/client.md §4.7}). */
@Command(
        name = "block",
        header = "Show the block at height H with its messages.",
        description = {
            "JSON: {txs: [[txid, block_height, timestamp, sender, recipient, what, params, value, pubkey,",
            "received], ...], height, round, sir, timestamp, previous_hash, msg_count, uniques_sources,",
            "signature, block_hash, received_by, forger}, or false when the node has no such block (exit 5).",
            "",
            "Example:",
            "  hn block 90486 --data ~/.hn"
        })
public final class BlockCommand extends QueryCommand {

    @Parameters(index = "0", paramLabel = "H", description = "The block height.")
    int height;

    @Override
    Rendered query(NodeConnection node, Clock clock) throws QueryFailure {
        if (height < 0) {
            throw new QueryFailure(QueryExit.FAILED, "height " + height + ": a height is not negative");
        }
        var answer = node.ask(Commands.withInt32(Type.getblock, height));
        long receivedSeconds = clock.millis() / 1000;
        if (answer.getBlockValueCount() == 0) {
            return new Rendered(BooleanNode.FALSE, "no block at height " + height + "\n", QueryExit.NOT_FOUND,
                    List.of("no block at height " + height));
        }
        return render(ChainProtos.fromProto(answer.getBlockValue(0), "", receivedSeconds));
    }

    /** The block as the reference client prints it, and as text with one row per message. */
    static Rendered render(PosBlock block) {
        StringBuilder human = new StringBuilder();
        human.append(String.format("%-9s %d, round %d slot %d, %s\n", "block", block.height(), block.round(),
                block.sir(), ChainRendering.time(block.timestamp())));
        human.append(String.format("%-9s %s\n", "forger", block.forger()));
        human.append(String.format("%-9s %s\n", "hash", block.blockHashHex()));
        human.append(String.format("%-9s %s\n", "previous", HexFormat.of().formatHex(block.previousHash())));
        human.append(String.format("%-9s %d from %d senders\n", "messages", block.msgCount(), block.uniquesSources()));
        if (!block.txs().isEmpty()) {
            human.append(ChainRendering.txTable(block.txs()));
        }
        return Rendered.ok(ChainRendering.block(block), human.toString());
    }
}
