package org.hn.chain.validation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hn.chain.address.Address;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.PrivateKey;
import org.hn.chain.message.PosMessage;
import org.hn.chain.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BlockValidatorTest {

    private static final byte MAINNET = 0x19;
    private static final long NOW = 1_700_000_000L;
    private static final long ROUND = 45_912;
    private static PrivateKey alice;
    private static PrivateKey bob;
    private static PrivateKey juror;
    private static PrivateKey intruder;
    private static PosBlock tip;
    private static PosBlock good;

    private final BlockBans bans = new BlockBans(BlockBans.DEFAULT_TTL_SECONDS);
    private final ForgerSchedule schedule = (round, slot) -> round == ROUND && slot >= 2 && slot <= 4
            ? Optional.of(address(juror)) : Optional.empty();
    private final BlockValidator validator = new BlockValidator(MAINNET, schedule, HistoricalExemptions.NONE, bans,
            BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);

    @BeforeAll
    static void forgeChain() throws Exception {
        alice = PrivateKey.fromBytes(TestData.testKeyBytes(0));
        bob = PrivateKey.fromBytes(TestData.testKeyBytes(1));
        juror = PrivateKey.fromBytes(TestData.testKeyBytes(2));
        intruder = PrivateKey.fromBytes(TestData.testKeyBytes(3));
        tip = PosBlock.forge(juror, MAINNET, 10, ROUND, 2, NOW - 400, new byte[20], List.of());
        good = PosBlock.forge(juror, MAINNET, 11, ROUND, 3, NOW - 100, tip.blockHash(), txs(5));
    }

    private static List<PosMessage> txs(int count) throws Exception {
        List<PosMessage> txs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PrivateKey sender = i % 2 == 0 ? alice : bob;
            txs.add(PosMessage.sign(sender, MAINNET, NOW - 200 + i, address(alice), 202, "TEST:" + i, 0));
        }
        return txs;
    }

    private static String address(PrivateKey key) {
        return Address.fromPublicKey(key.publicKey(), MAINNET);
    }

    private static PosBlock withCounts(PosBlock b, int msgCount, int uniques) {
        return new PosBlock(b.height(), b.round(), b.sir(), b.timestamp(), b.previousHash(), msgCount, uniques,
                b.signature(), b.blockHash(), b.receivedBy(), b.forger(), b.txs());
    }

    private static PosBlock withHashAndSignature(PosBlock b, byte[] hash, byte[] signature, String forger) {
        return new PosBlock(b.height(), b.round(), b.sir(), b.timestamp(), b.previousHash(), b.msgCount(),
                b.uniquesSources(), signature, hash, b.receivedBy(), forger, b.txs());
    }

    private void assertRejected(BlockRejection expected, Executable validation) {
        assertEquals(expected, assertThrows(InvalidBlockException.class, validation).rejection());
    }

    private static PosMessage withFlippedTxid(PosMessage m) {
        byte[] txid = m.txid();
        txid[10] ^= 0x01;
        return new PosMessage(txid, m.blockHeight(), m.timestamp(), m.sender(), m.recipient(), m.what(), m.params(),
                m.value(), m.pubkey(), m.received());
    }

    @Test
    void aRunOfHistoricalBlocksGetsTheVerdictsOfValidatingThemOneAfterTheOther() throws Exception {
        List<PosMessage> badTxs = new ArrayList<>(txs(5));
        badTxs.set(3, withFlippedTxid(badTxs.get(3)));
        PosBlock empty = PosBlock.forge(juror, MAINNET, 12, ROUND, 4, NOW - 90, good.blockHash(), List.of());
        PosBlock bad = PosBlock.forge(juror, MAINNET, 13, ROUND + 1, 0, NOW - 80, empty.blockHash(), badTxs);
        PosBlock fine = PosBlock.forge(juror, MAINNET, 13, ROUND + 1, 0, NOW - 80, empty.blockHash(), txs(5));
        PosBlock last = PosBlock.forge(juror, MAINNET, 14, ROUND + 1, 1, NOW - 70, fine.blockHash(), txs(5));

        assertEquals(new HistoricalRun(4, Optional.empty()),
                validator.validateHistoricalRun(List.of(good, empty, fine, last), tip, NOW));

        InvalidBlockException alone = assertThrows(InvalidBlockException.class,
                () -> validator.validateHistorical(bad, empty, NOW));
        HistoricalRun run = validator.validateHistoricalRun(List.of(good, empty, bad, last), tip, NOW);
        assertEquals(2, run.validBlocks(), "the empty block before the bad one is valid");
        assertEquals(BlockRejection.INVALID_TX, run.failure().orElseThrow().rejection());
        assertEquals(alone.getMessage(), run.failure().orElseThrow().getMessage());
        assertEquals("tx 3 " + badTxs.get(3).txidHex() + ": INVALID_SIGNATURE (signature does not verify)",
                alone.getMessage().substring(alone.getMessage().indexOf("tx 3")));

        HistoricalRun gap = validator.validateHistoricalRun(List.of(good, empty, last), tip, NOW);
        assertEquals(2, gap.validBlocks());
        assertEquals(BlockRejection.WRONG_HEIGHT, gap.failure().orElseThrow().rejection());
        HistoricalRun badFirst = validator.validateHistoricalRun(List.of(bad, last), empty, NOW);
        assertEquals(0, badFirst.validBlocks(), "a bad message comes before a later block's broken link");
        assertEquals(BlockRejection.INVALID_TX, badFirst.failure().orElseThrow().rejection());
    }

    @Test
    void acceptsAWellFormedBlockFromTheScheduledJuror() {
        assertDoesNotThrow(() -> validator.validateLive(good, tip, NOW));
        assertDoesNotThrow(() -> validator.validateLive(good, tip, NOW), "the remembered forger key verifies again");
        assertDoesNotThrow(() -> validator.validateHistorical(good, tip, NOW));
        PosBlock empty = PosBlock.forge(juror, MAINNET, 11, ROUND, 3, NOW, tip.blockHash(), List.of());
        assertDoesNotThrow(() -> validator.validateLive(empty, tip, NOW), "an empty block skips the count rules");
    }

    @Test
    void refusesBrokenLinkageAndCounts() throws Exception {
        bans.ban(good.blockHashHex(), NOW - 10);
        assertRejected(BlockRejection.BANNED_HASH, () -> validator.validateLive(good, tip, NOW));
        assertDoesNotThrow(() -> validator.validateLive(good, tip, NOW + BlockBans.DEFAULT_TTL_SECONDS), "bans expire");

        PosBlock skipped = PosBlock.forge(juror, MAINNET, 12, ROUND, 3, NOW, tip.blockHash(), txs(4));
        assertRejected(BlockRejection.WRONG_HEIGHT, () -> validator.validateLive(skipped, tip, NOW));
        PosBlock orphan = PosBlock.forge(juror, MAINNET, 11, ROUND, 3, NOW, new byte[20], txs(4));
        assertRejected(BlockRejection.WRONG_PREVIOUS_HASH, () -> validator.validateLive(orphan, tip, NOW));
        assertRejected(BlockRejection.MSG_COUNT_MISMATCH, () -> validator.validateLive(withCounts(good, 4, 2), tip, NOW));
        assertRejected(BlockRejection.TOO_FEW_SOURCES, () -> validator.validateLive(withCounts(good, 5, 1), tip, NOW));
        PosBlock three = PosBlock.forge(juror, MAINNET, 11, ROUND, 3, NOW, tip.blockHash(), txs(3));
        assertRejected(BlockRejection.TOO_FEW_MESSAGES, () -> validator.validateLive(three, tip, NOW));
        BlockValidator small = new BlockValidator(MAINNET, schedule, HistoricalExemptions.NONE, bans, 4);
        assertRejected(BlockRejection.TOO_MANY_MESSAGES, () -> small.validateLive(good, tip, NOW));
        List<PosMessage> twice = new ArrayList<>(txs(4));
        twice.add(twice.get(0));
        PosBlock duplicate = PosBlock.forge(juror, MAINNET, 11, ROUND, 3, NOW, tip.blockHash(), twice);
        assertRejected(BlockRejection.DUPLICATE_TXID, () -> validator.validateLive(duplicate, tip, NOW));
        assertRejected(BlockRejection.UNIQUES_MISMATCH, () -> validator.validateLive(withCounts(good, 5, 3), tip, NOW));
    }

    @Test
    void refusesForgeriesAndSlotTheft() throws Exception {
        byte[] otherHash = good.blockHash();
        otherHash[0] ^= 1;
        assertRejected(BlockRejection.BAD_HASH, () -> validator.validateLive(
                withHashAndSignature(good, otherHash, good.signature(), good.forger()), tip, NOW));

        PosBlock signedByIntruder = PosBlock.forge(intruder, MAINNET, 11, ROUND, 3, NOW, tip.blockHash(), txs(4));
        PosBlock claimsJuror = withHashAndSignature(signedByIntruder, signedByIntruder.blockHash(),
                signedByIntruder.signature(), address(juror));
        assertRejected(BlockRejection.BAD_SIGNATURE, () -> validator.validateLive(claimsJuror, tip, NOW));
        assertRejected(BlockRejection.NOT_SCHEDULED_FORGER, () -> validator.validateLive(signedByIntruder, tip, NOW));

        PosBlock endSlot = PosBlock.forge(juror, MAINNET, 11, ROUND, 19, NOW, tip.blockHash(), txs(4));
        assertRejected(BlockRejection.SLOT_OUT_OF_RANGE, () -> validator.validateLive(endSlot, tip, NOW));
        PosBlock sameSlot = PosBlock.forge(juror, MAINNET, 11, ROUND, 2, NOW, tip.blockHash(), txs(4));
        assertRejected(BlockRejection.NOT_AFTER_TIP, () -> validator.validateLive(sameSlot, tip, NOW));

        List<PosMessage> tampered = new ArrayList<>(good.txs());
        PosMessage first = tampered.get(0);
        tampered.set(0, new PosMessage(first.txid(), first.blockHeight(), first.timestamp(), first.sender(),
                first.recipient(), first.what(), "TEST:9", first.value(), first.pubkey(), first.received()));
        PosBlock withBadTx = new PosBlock(good.height(), good.round(), good.sir(), good.timestamp(), good.previousHash(),
                good.msgCount(), good.uniquesSources(), good.signature(), good.blockHash(), "", good.forger(), tampered);
        InvalidBlockException invalidTx = assertThrows(InvalidBlockException.class,
                () -> validator.validateLive(withBadTx, tip, NOW));
        assertEquals(BlockRejection.INVALID_TX, invalidTx.rejection());
        assertEquals("a message is invalid: tx 0 " + first.txidHex() + ": INVALID_SIGNATURE (signature does not verify)",
                invalidTx.getMessage());
    }

    @Test
    void historicalBlocksNeedNoKnownScheduleButMustNotContradictOne() throws Exception {
        BlockValidator unknownSchedule = new BlockValidator(MAINNET, (round, slot) -> Optional.empty(),
                HistoricalExemptions.NONE, bans, BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
        PosBlock byIntruder = PosBlock.forge(intruder, MAINNET, 11, ROUND, 3, NOW, tip.blockHash(), txs(4));
        assertDoesNotThrow(() -> unknownSchedule.validateHistorical(byIntruder, tip, NOW));
        assertRejected(BlockRejection.NOT_SCHEDULED_FORGER, () -> unknownSchedule.validateLive(byIntruder, tip, NOW));
        assertRejected(BlockRejection.NOT_SCHEDULED_FORGER, () -> validator.validateHistorical(byIntruder, tip, NOW));
    }

    @Test
    void mainnetHistoryIsExcusedOnlyWhereTheReferenceExcusesIt() throws Exception {
        HistoricalExemptions mainnet = HistoricalExemptions.mainnet();
        BlockValidator history = new BlockValidator(MAINNET, (round, slot) -> Optional.empty(), mainnet, bans,
                BlockValidator.DEFAULT_MAX_TXS_PER_BLOCK);
        Map<Long, Boolean> hashExcused = Map.of(90_000L, false, 90_001L, true, 104_999L, true, 105_000L, false);
        for (Map.Entry<Long, Boolean> entry : hashExcused.entrySet()) {
            long height = entry.getKey();
            PosBlock previous = PosBlock.forge(juror, MAINNET, height - 1, 100, 1, NOW - 60, new byte[20], List.of());
            PosBlock block = PosBlock.forge(juror, MAINNET, height, 100, 2, NOW, previous.blockHash(), txs(4));
            byte[] wrongHash = new byte[20];
            PosBlock corrupted = withHashAndSignature(block, wrongHash, block.signature(), block.forger());
            if (entry.getValue()) {
                assertDoesNotThrow(() -> history.validateHistorical(corrupted, previous, NOW), "height " + height);
            } else {
                assertRejected(BlockRejection.BAD_HASH, () -> history.validateHistorical(corrupted, previous, NOW));
            }
        }
        PosBlock before76171 = PosBlock.forge(juror, MAINNET, 76_170, 100, 1, NOW - 60, new byte[20], List.of());
        PosBlock broken = withCounts(PosBlock.forge(juror, MAINNET, 76_171, 100, 2, NOW, before76171.blockHash(),
                txs(4)), 5, 2);
        assertDoesNotThrow(() -> history.validateHistorical(broken, before76171, NOW));
        assertRejected(BlockRejection.MSG_COUNT_MISMATCH, () -> history.validateLive(broken, before76171, NOW));
        assertEquals(true, mainnet.isBadFork(104_021, "6e073afabeb1faf4741ef990d867e43d6991dba2"));
        assertEquals(true, mainnet.ignoresOutboundHash("466cbd256fc248fd87f9aadedd8469afc8b4efa2"));
        assertEquals(false, HistoricalExemptions.NONE.allowsHashMismatch(90_001));
    }
}
