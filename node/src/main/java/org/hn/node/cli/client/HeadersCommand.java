package org.hn.node.cli.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.util.List;
import org.hn.chain.block.PosBlock;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.proto.Command.Type;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hn headers}: block headers, the latest first or a range upward ({@code spec/client.md §4.9}). */
@Command(
        name = "headers",
        header = "List block headers: the latest, newest first, or a range upward.",
        description = {
            "JSON: an array of block objects as 'hn block' prints them, with txs [].",
            "",
            "Examples:",
            "  hn headers --data ~/.hn",
            "  hn headers --from 1000 --count 5 --data ~/.hn --json"
        })
public final class HeadersCommand extends QueryCommand {

    /** Headers the node sends when no count is given ({@code BLOCK_SYNC_COUNT}). */
    private static final int DEFAULT_COUNT = 20;

    @Option(names = "--from", paramLabel = "HEIGHT", description = "First height, ascending (default: the latest, newest first).")
    Long from;

    @Option(names = "--count", paramLabel = "N", description = "How many headers (default: 20; the node caps it).")
    Integer count;

    @Override
    Rendered query(NodeConnection node, Clock clock) throws QueryFailure {
        if ((from != null && from < 0) || (count != null && count < 0)) {
            throw new QueryFailure(QueryExit.FAILED, "--from and --count are not negative");
        }
        return render(ChainRendering.blocks(node.ask(Commands.withString(Type.getheaders, parameter(from, count))).getBlockValueList(),
                clock.millis() / 1000));
    }

    /** The request's text ({@code spec/wire.md §4.14}): {@code ""}, {@code ",N"} or {@code "S,N"}. */
    static String parameter(Long from, Integer count) {
        if (from == null && count == null) {
            return "";
        }
        return (from == null ? "" : from.toString()) + "," + (count == null ? DEFAULT_COUNT : count);
    }

    /** The headers as block objects, and a table of one row per block. */
    static Rendered render(List<PosBlock> blocks) {
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        blocks.forEach(block -> json.add(ChainRendering.block(block)));
        return Rendered.ok(json, blocks.isEmpty() ? "no block\n" : ChainRendering.headerTable(blocks));
    }
}
