package org.hn.node.wire.mapping;

import static org.hn.chain.testing.TestData.hex;
import static org.hn.chain.testing.TestData.number;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hn.chain.block.PosBlock;
import org.hn.chain.height.HeightStatus;
import org.hn.chain.message.MessageRows;
import org.hn.chain.message.PosMessage;
import org.hn.chain.testing.TestData;
import org.hn.node.wire.command.Commands;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.TX;
import org.junit.jupiter.api.Test;

class ChainProtosTest {

    @Test
    void txCommandsAreTheReferenceBytes() throws Exception {
        for (JsonNode vector : TestData.vectors("messages.json").get("vectors")) {
            JsonNode fields = vector.get("fields");
            PosMessage message = new PosMessage(hex(vector.get("txid_hex_of_signature_1")),
                    number(fields.get("block_height")), number(fields.get("timestamp")), fields.get("sender").asText(),
                    fields.get("recipient").asText(), number(fields.get("what")), fields.get("params").asText(),
                    number(fields.get("value")), hex(fields.get("pubkey_hex")), 0);
            Command command = Commands.withTxs(Command.Type.tx, List.of(ChainProtos.toProto(message)));
            assertArrayEquals(hex(vector.get("proto_command_tx_hex")), command.toByteArray());

            TX parsed = Command.parseFrom(hex(vector.get("proto_command_tx_hex"))).getTxValues(0);
            assertEquals(message.receivedAt(1_700_000_000L), ChainProtos.fromProto(parsed, 1_700_000_000L));
        }
    }

    @Test
    void blockCommandIsTheReferenceBytes() throws Exception {
        JsonNode vector = TestData.vectors("blocks.json").get("block");
        JsonNode header = vector.get("header");
        List<PosMessage> txs = new ArrayList<>();
        for (JsonNode row : vector.get("txs")) {
            txs.add(MessageRows.fromRow(row));
        }
        PosBlock block = new PosBlock(number(header.get("height")), number(header.get("round")),
                (int) number(header.get("sir")), number(header.get("timestamp")), hex(header.get("previous_hash_hex")),
                (int) number(header.get("msg_count")), (int) number(header.get("uniques_sources")),
                hex(vector.get("reference_signature_random_k_hex")), hex(vector.get("block_hash_hex")), "",
                header.get("forger").asText(), txs);
        Command command = Commands.withBlocks(Command.Type.block, List.of(ChainProtos.toProto(block)));
        assertArrayEquals(hex(vector.get("proto_command_block_hex")), command.toByteArray());

        PosBlock parsed = ChainProtos.fromProto(
                Command.parseFrom(hex(vector.get("proto_command_block_hex"))).getBlockValue(0), "1.2.3.4:06969", 0);
        assertEquals(block.receivedFrom("1.2.3.4:06969"), parsed);
        assertArrayEquals(block.hashBuffer(), parsed.hashBuffer(), "tx order survives the wire");
    }

    @Test
    void heightCommandIsTheReferenceBytes() throws Exception {
        JsonNode vector = TestData.vectors("blocks.json").get("height_command");
        JsonNode fields = vector.get("fields");
        HeightStatus status = new HeightStatus(number(fields.get("height")), number(fields.get("round")),
                (int) number(fields.get("sir")), fields.get("block_hash").asText(), number(fields.get("uniques")),
                number(fields.get("uniques_round")), number(fields.get("forgers")), number(fields.get("forgers_round")));
        Command command = Commands.withHeight(Command.Type.height, ChainProtos.toProto(status));
        assertArrayEquals(hex(vector.get("proto_command_height_hex")), command.toByteArray());
        assertEquals(status, ChainProtos.fromProto(
                Command.parseFrom(hex(vector.get("proto_command_height_hex"))).getHeightValue()));
    }

    @Test
    void missingFieldsReadAsDefaultsForTheValidatorsToJudge() {
        TX empty = TX.newBuilder().buildPartial();
        PosMessage message = ChainProtos.fromProto(empty, 5);
        assertEquals(0, message.txid().length);
        assertEquals("", message.sender());
        assertEquals(5, message.received());
        TX huge = TX.newBuilder(empty).setTimestamp(-1).buildPartial();
        assertEquals(4_294_967_295L, ChainProtos.fromProto(huge, 0).timestamp(), "uint32 reads unsigned");
    }
}
