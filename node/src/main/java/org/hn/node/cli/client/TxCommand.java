package org.hn.node.cli.client;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.hn.chain.message.PosMessage;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.mapping.ChainProtos;
import org.hn.node.wire.proto.Command.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hn tx TXID}: one stored message ({@code spec/client.md §4.10}). */
@Command(
        name = "tx",
        header = "Show the stored message whose txid is TXID (128 hex digits).",
        description = {
            "JSON: [[txid, block_height, timestamp, sender, recipient, what, params, value, pubkey, received]],",
            "or false when the node does not know it (exit 5).",
            "",
            "Example:",
            "  hn tx 3045...ab --data ~/.hn"
        })
public final class TxCommand extends QueryCommand {

    @Parameters(index = "0", paramLabel = "TXID", description = "The message's signature, 128 hex digits.")
    String txid;

    @Override
    Rendered query(NodeConnection node, Clock clock) throws QueryFailure {
        var answer = node.ask(Commands.withString(Type.gettx, txid));
        if (answer.getTxValuesCount() == 0) {
            return new Rendered(BooleanNode.FALSE, "no message " + txid + "\n", QueryExit.NOT_FOUND,
                    List.of("no message " + txid));
        }
        return render(ChainProtos.fromProto(answer.getTxValues(0), clock.millis() / 1000));
    }

    /** The reference's one-element array of the message, and the message's fields one per line. */
    static Rendered render(PosMessage message) {
        String human = String.format("%-10s %s\n", "txid", message.txidHex())
                + String.format("%-10s %d\n", "height", message.blockHeight())
                + String.format("%-10s %s\n", "time", ChainRendering.time(message.timestamp()))
                + String.format("%-10s %s\n", "sender", message.sender())
                + String.format("%-10s %s\n", "recipient", message.recipient())
                + String.format("%-10s %d\n", "what", message.what())
                + String.format("%-10s %s\n", "params", message.params())
                + String.format("%-10s %d\n", "value", message.value())
                + String.format("%-10s %s\n", "pubkey", HexFormat.of().formatHex(message.pubkey()));
        return Rendered.ok(JsonNodeFactory.instance.arrayNode().add(ChainRendering.tx(message)), human);
    }
}
