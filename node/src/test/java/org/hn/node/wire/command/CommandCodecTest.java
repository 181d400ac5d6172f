package org.hn.node.wire.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hn.config.Network;
import org.hn.node.wire.ProtocolBreachException;
import org.hn.node.wire.ProtocolBreachException.Reason;
import org.hn.node.wire.WireVectors;
import org.hn.node.wire.frame.FrameSettings;
import org.hn.node.wire.frame.LegacyFrameDecoder;
import org.hn.node.wire.frame.LegacyFrameEncoder;
import org.hn.node.wire.hello.HelloParseException;
import org.hn.node.wire.hello.HelloString;
import org.hn.node.wire.proto.Command;
import org.hn.node.wire.proto.Command.Type;
import org.hn.node.wire.proto.TX;
import org.junit.jupiter.api.Test;

/** The reference's frames (legacy framing, {@code spec/wire.md §1–2}) through the codec, both ways. */
class CommandCodecTest {

    private static final FrameSettings SETTINGS = FrameSettings.defaults(Network.MAINNET);

    /** The fields each vector's name describes, read by hand from wire.json. */
    private static Map<String, Command> otherCommandsByName() {
        Map<String, Command> expected = new HashMap<>();
        expected.put("ping", Commands.bare(Type.ping));
        expected.put("status", Commands.bare(Type.status));
        expected.put("blocksync from height 1000", Commands.withInt32(Type.blocksync, 1000));
        expected.put("roundblocks round 881", Commands.withInt32(Type.roundblocks, 881));
        expected.put("blockinfo height 0", Commands.withInt32(Type.blockinfo, 0));
        expected.put("getblock height -1 (negative int32 = 10-byte varint)", Commands.withInt32(Type.getblock, -1));
        expected.put("getheaders ',10'", Commands.withString(Type.getheaders, ",10"));
        expected.put("ko with reason", Commands.withString(Type.ko, "Bad Posnet posnet0001"));
        expected.put("mempool empty", Commands.withTxs(Type.mempool, List.of()));
        return expected;
    }

    private static EmbeddedChannel legacyChannel() {
        return new EmbeddedChannel(new LegacyFrameDecoder(SETTINGS), new LegacyFrameEncoder(SETTINGS),
                new CommandDecoder(), new CommandEncoder());
    }

    private static String encode(Command command) {
        EmbeddedChannel channel = legacyChannel();
        assertTrue(channel.writeOutbound(command));
        String hex = WireVectors.hexAndRelease(channel.readOutbound());
        assertNull(channel.readOutbound());
        assertFalse(channel.finish());
        return hex;
    }

    private static Command decode(String framedHex) {
        EmbeddedChannel channel = legacyChannel();
        assertTrue(channel.writeInbound(WireVectors.buffer(framedHex)));
        Command command = channel.readInbound();
        assertNull(channel.readInbound());
        assertFalse(channel.finish());
        return command;
    }

    private static void assertRoundTrip(Command expected, JsonNode vector) {
        assertEquals(vector.get("proto_hex").asText(), WireVectors.hexAndRelease(Unpooled.wrappedBuffer(expected.toByteArray())));
        assertEquals(vector.get("framed_hex").asText(), encode(expected));
        assertEquals(expected, decode(vector.get("framed_hex").asText()));
    }

    @Test
    void helloFramesMatchTheReference() throws HelloParseException {
        for (JsonNode vector : WireVectors.wire().get("hello")) {
            HelloString hello = new HelloString(HelloString.CURRENT_POSNET, vector.get("port").asInt(),
                    vector.get("parsed").get("address").asText());
            assertRoundTrip(Commands.withString(Type.hello, hello.text()), vector);

            Command decoded = decode(vector.get("framed_hex").asText());
            assertEquals(Type.hello, decoded.getCommand());
            assertEquals(hello, HelloString.parse(decoded.getStringValue()));
        }
    }

    @Test
    void otherCommandFramesMatchTheReference() {
        Map<String, Command> expected = otherCommandsByName();
        JsonNode vectors = WireVectors.wire().get("other_commands");
        assertEquals(expected.size(), vectors.size());
        for (JsonNode vector : vectors) {
            Command command = expected.get(vector.get("name").asText());
            assertEquals(vector.get("command_id").asInt(), command.getCommand().getNumber(), vector.get("name").asText());
            assertRoundTrip(command, vector);
        }
    }

    @Test
    void negativeInt32TakesTenBytes() {
        Command decoded = decode("0000000d080e18ffffffffffffffffff01");
        assertEquals(Type.getblock, decoded.getCommand());
        assertEquals(Command.ParamCase.INT32_VALUE, decoded.getParamCase());
        assertEquals(-1, decoded.getInt32Value());
    }

    @Test
    void mempoolWithTwoTxsMatchesTheReference() {
        JsonNode signed = WireVectors.messages().get("vectors");
        List<TX> txs = List.of(tx(signed.get(0)), tx(signed.get(1)));
        Command mempool = Commands.withTxs(Type.mempool, txs);
        assertRoundTrip(mempool, WireVectors.wire().get("mempool_with_2_txs"));

        TX second = decode(WireVectors.wire().get("mempool_with_2_txs").get("framed_hex").asText()).getTxValues(1);
        assertEquals("BGNtrw8ybLxtTgZ1rTzSr1trTYD5MEfcjD", second.getSender());
        assertEquals("BRmj4HvJBFxcvHYP2phwqMewPrtLWLQHZF", second.getRecipient());
        assertEquals(1_600_000_123, second.getTimestamp());
        assertEquals(202, second.getWhat());
        assertEquals(0, second.getValue());
        assertEquals("TEST:3", second.getParams());
        assertEquals(0, second.getBlockHeight());
        assertEquals(64, second.getTxid().size());
        assertEquals(64, second.getPubkey().size());
    }

    private static TX tx(JsonNode vector) {
        JsonNode fields = vector.get("fields");
        return TX.newBuilder()
                .setTxid(ByteString.copyFrom(WireVectors.bytes(vector.get("txid_hex_of_signature_1").asText())))
                .setBlockHeight(fields.get("block_height").asInt())
                .setTimestamp(fields.get("timestamp").asInt())
                .setSender(fields.get("sender").asText())
                .setRecipient(fields.get("recipient").asText())
                .setWhat(fields.get("what").asInt())
                .setValue(fields.get("value").asInt())
                .setParams(fields.get("params").asText())
                .setPubkey(ByteString.copyFrom(WireVectors.bytes(fields.get("pubkey_hex").asText())))
                .build();
    }

    @Test
    void commandIdsMatchTheReferenceEnum() {
        JsonNode ids = WireVectors.wire().get("command_ids");
        assertEquals(Type.values().length, ids.size());
        for (Map.Entry<String, JsonNode> id : ids.properties()) {
            assertEquals(id.getValue().asInt(), Type.valueOf(id.getKey()).getNumber(), id.getKey());
        }
    }

    @Test
    void missingRequiredFieldsReadAsDefaults() {
        Command empty = CommandDecoder.parse(Unpooled.EMPTY_BUFFER);
        assertFalse(empty.hasCommand());
        assertEquals(Type.hello, empty.getCommand());

        // tx command whose only TX sets block_height = 5 (field 2): 08 07 | 32 02 | 10 05
        Command partialTx = CommandDecoder.parse(WireVectors.buffer("0807320210 05".replace(" ", "")));
        assertEquals(Type.tx, partialTx.getCommand());
        assertEquals(1, partialTx.getTxValuesCount());
        assertEquals(5, partialTx.getTxValues(0).getBlockHeight());
        assertEquals(ByteString.EMPTY, partialTx.getTxValues(0).getTxid());
        assertEquals("", partialTx.getTxValues(0).getSender());
        assertFalse(partialTx.isInitialized());
    }

    @Test
    void unknownCommandIdIsABreach() {
        // command = 99 (0x63)
        ProtocolBreachException breach =
                assertThrows(ProtocolBreachException.class, () -> CommandDecoder.parse(WireVectors.buffer("0863")));
        assertEquals(Reason.UNKNOWN_COMMAND, breach.reason());
    }

    @Test
    void garbagePayloadIsABreachThroughThePipeline() {
        EmbeddedChannel channel = legacyChannel();
        // field 1 as varint whose continuation never ends
        ProtocolBreachException breach = assertThrows(ProtocolBreachException.class,
                () -> channel.writeInbound(WireVectors.buffer("0000000308ffff")));
        assertEquals(Reason.MALFORMED_COMMAND, breach.reason());
        assertTrue(channel.isOpen(), "framing is intact; closing is the session's decision");
        assertTrue(channel.writeInbound(WireVectors.buffer("000000020803")));
        assertEquals(Commands.bare(Type.ping), channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void randomPayloadsParseOrRaiseTheTypedBreach() {
        Random random = new Random(20_261_123L);
        int breaches = 0;
        for (int round = 0; round < 5_000; round++) {
            byte[] payload = new byte[random.nextInt(64)];
            random.nextBytes(payload);
            ByteBuf buffer = Unpooled.wrappedBuffer(payload);
            try {
                CommandDecoder.parse(buffer);
            } catch (ProtocolBreachException expected) {
                breaches++;
            }
            assertEquals(0, buffer.readerIndex(), "parse leaves the payload untouched");
        }
        assertTrue(breaches > 1_000, "random bytes are mostly not a Command, got " + breaches + " breaches");
    }

    @Test
    void refusesToSendACommandWithUnsetRequiredFields() {
        EmbeddedChannel channel = legacyChannel();
        Command withoutType = Command.newBuilder().setInt32Value(1).buildPartial();
        assertThrows(EncoderException.class, () -> channel.writeOutbound(withoutType));
        assertNull(channel.readOutbound());
        assertFalse(channel.finish());
    }
}
