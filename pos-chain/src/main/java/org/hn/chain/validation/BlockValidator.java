package org.hn.chain.validation;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hn.chain.address.Address;
import org.hn.chain.ban.BlockBans;
import org.hn.chain.block.PosBlock;
import org.hn.chain.crypto.Blake2b;
import org.hn.chain.crypto.KeyRecovery;
import org.hn.chain.crypto.PublicKey;
import org.hn.chain.crypto.Signature;
import org.hn.chain.message.InvalidMessageException;
import org.hn.chain.message.MessageVerifier;
import org.hn.chain.message.PosMessage;

/**
 * Decides whether a block may extend the chain, strictly ({@code DESIGN.md §3}, {@code spec/chain.md §6}).
 *
 * <p>Two entry points: {@link #validateLive} for a block pushed by the current forger or forged by us
 * (every check of §6.2 and §6.4), and {@link #validateHistorical} for catch-up, round sync and bootstrap
 * (hash linkage, hash, signatures, and the forger when the round's schedule is known, with the network's
 * {@link HistoricalExemptions}). Every failure is an {@link InvalidBlockException} with a
 * {@link BlockRejection}; nothing here exits or throws anything else for bad input.
 *
 * <p>Thread-safe. Forger public keys are recovered from signatures once and remembered per address.
 */
public final class BlockValidator {

    /** {@code REQUIRED_MESSAGES_PER_BLOCK}: the minimum number of txs of a non-empty block. */
    public static final int REQUIRED_MESSAGES_PER_BLOCK = 4;
    /** Minimum distinct senders claimed by a non-empty block (the reference checks "≥ 2"). */
    public static final int REQUIRED_UNIQUE_SOURCES = 2;
    /** {@code MAX_TXS_PER_BLOCK}, rainbow-tunable. */
    public static final int DEFAULT_MAX_TXS_PER_BLOCK = 3000;
    /** Forging slots per round: slots 0–18 have a forger. */
    public static final int FORGING_SLOTS = 19;

    private final byte networkId;
    private final ForgerSchedule schedule;
    private final HistoricalExemptions exemptions;
    private final BlockBans bans;
    private final int maxTxsPerBlock;
    private final MessageVerifier txVerifier;
    private final Map<String, PublicKey> forgerKeys = new ConcurrentHashMap<>();

    /**
     * @param networkId      address id byte of the network
     * @param schedule       the juror of each slot, from the registry
     * @param exemptions     the network's tolerated history ({@link HistoricalExemptions#NONE} off mainnet)
     * @param bans           temporarily banned block hashes
     * @param maxTxsPerBlock the network's {@code MAX_TXS_PER_BLOCK}
     */
    public BlockValidator(byte networkId, ForgerSchedule schedule, HistoricalExemptions exemptions, BlockBans bans,
                          int maxTxsPerBlock) {
        this.networkId = networkId;
        this.schedule = schedule;
        this.exemptions = exemptions;
        this.bans = bans;
        this.maxTxsPerBlock = maxTxsPerBlock;
        // txs inside blocks were admitted by reference mempools with the quick address check (§2.3)
        this.txVerifier = new MessageVerifier(networkId, MessageVerifier.AddressPolicy.HISTORICAL);
    }

    /**
     * Validates a live block against our tip: §6.2 in the reference's order, then §6.4 steps 1–6.
     *
     * @param tip        our current tip block
     * @param nowSeconds the local clock, unix seconds
     * @throws InvalidBlockException naming the first failed check
     */
    public void validateLive(PosBlock block, PosBlock tip, long nowSeconds) throws InvalidBlockException {
        checkLinkage(block, tip, nowSeconds, false);
        if (block.txs().size() > maxTxsPerBlock) {
            throw new InvalidBlockException(BlockRejection.TOO_MANY_MESSAGES,
                    block.txs().size() + " > " + maxTxsPerBlock);
        }
        byte[] buffer = block.hashBuffer();
        checkHash(block, buffer, false);
        checkSlot(block);
        Optional<String> juror = schedule.forgerOf(block.round(), block.sir());
        if (juror.isEmpty() || !juror.get().equals(block.forger())) {
            throw new InvalidBlockException(BlockRejection.NOT_SCHEDULED_FORGER, block.forger() + " forged round "
                    + block.round() + " slot " + block.sir() + ", whose juror is " + juror.orElse("unknown"));
        }
        checkSignature(block, buffer);
        if (block.round() < tip.round() || (block.round() == tip.round() && block.sir() <= tip.sir())) {
            throw new InvalidBlockException(BlockRejection.NOT_AFTER_TIP, "round " + block.round() + " slot "
                    + block.sir() + " after tip round " + tip.round() + " slot " + tip.sir());
        }
        int senders = distinctSenders(block.txs());
        if (senders != block.uniquesSources()) {
            throw new InvalidBlockException(BlockRejection.UNIQUES_MISMATCH,
                    "claims " + block.uniquesSources() + ", txs have " + senders);
        }
        checkTxs(block, nowSeconds);
    }

    /**
     * Validates a block fetched from history (catch-up, round sync, bootstrap) against the block before it:
     * linkage, hash and signatures always (with the network's exemptions), the forger when the schedule of
     * its round is known.
     *
     * @param previous the block at height − 1 in the chain being built
     * @throws InvalidBlockException naming the first failed check
     */
    public void validateHistorical(PosBlock block, PosBlock previous, long nowSeconds) throws InvalidBlockException {
        checkHistoricalHeader(block, previous, nowSeconds);
        checkTxs(block, nowSeconds);
    }

    /**
     * Validates consecutive blocks fetched from history, each against the one before it, with exactly the
     * verdicts of {@link #validateHistorical} called on one block after the other; the messages of all of them
     * are verified together on all cores, so a run of small blocks keeps every core busy.
     *
     * @param previous the block below the first one in the chain being built
     * @return how many leading blocks are valid, and the failure of the next one
     */
    public HistoricalRun validateHistoricalRun(List<PosBlock> blocks, PosBlock previous, long nowSeconds) {
        int headersValid = 0;
        InvalidBlockException headerFailure = null;
        PosBlock before = previous;
        for (PosBlock block : blocks) {
            try {
                checkHistoricalHeader(block, before, nowSeconds);
            } catch (InvalidBlockException e) {
                headerFailure = e;
                break;
            }
            before = block;
            headersValid++;
        }
        List<PosBlock> checked = blocks.subList(0, headersValid);
        int[] firstTx = new int[checked.size() + 1];
        for (int index = 0; index < checked.size(); index++) {
            firstTx[index + 1] = firstTx[index] + checked.get(index).txs().size();
        }
        // The lowest failing index is the one of the lowest block, then the lowest tx.
        OptionalInt failedTx = LowestFailure.find(firstTx[checked.size()],
                index -> txFailure(checked, firstTx, index, nowSeconds) != null);
        if (failedTx.isEmpty()) {
            return new HistoricalRun(headersValid, Optional.ofNullable(headerFailure));
        }
        int block = blockOf(firstTx, failedTx.getAsInt());
        String reason = txFailure(checked, firstTx, failedTx.getAsInt(), nowSeconds);
        return new HistoricalRun(block, Optional.of(new InvalidBlockException(BlockRejection.INVALID_TX, reason)));
    }

    /** Everything {@link #validateHistorical} checks before the messages. */
    private void checkHistoricalHeader(PosBlock block, PosBlock previous, long nowSeconds)
            throws InvalidBlockException {
        checkLinkage(block, previous, nowSeconds, true);
        if (exemptions.isBadFork(block.height(), block.blockHashHex())) {
            throw new InvalidBlockException(BlockRejection.BANNED_HASH, "known bad fork at height " + block.height());
        }
        byte[] buffer = block.hashBuffer();
        checkHash(block, buffer, exemptions.allowsHashMismatch(block.height()));
        checkSlot(block);
        Optional<String> juror = schedule.forgerOf(block.round(), block.sir());
        if (juror.isPresent() && !juror.get().equals(block.forger())) {
            throw new InvalidBlockException(BlockRejection.NOT_SCHEDULED_FORGER, block.forger() + " forged round "
                    + block.round() + " slot " + block.sir() + ", whose juror is " + juror.get());
        }
        checkSignature(block, buffer);
    }

    /** §6.2 steps 4–8.3: ban, encodable header, height, previous hash, counts, duplicate txids. */
    private void checkLinkage(PosBlock block, PosBlock previous, long nowSeconds, boolean historical)
            throws InvalidBlockException {
        if (bans.isBanned(block.blockHashHex(), nowSeconds)) {
            throw new InvalidBlockException(BlockRejection.BANNED_HASH, block.blockHashHex());
        }
        if (!block.hasEncodableHeader()) {
            throw new InvalidBlockException(BlockRejection.HEADER_OUT_OF_RANGE, block.toString());
        }
        if (block.height() != previous.height() + 1) {
            throw new InvalidBlockException(BlockRejection.WRONG_HEIGHT,
                    "height " + block.height() + " after " + previous.height());
        }
        if (!Arrays.equals(block.previousHash(), previous.blockHash())) {
            throw new InvalidBlockException(BlockRejection.WRONG_PREVIOUS_HASH, HexFormat.of()
                    .formatHex(block.previousHash()) + " instead of " + previous.blockHashHex());
        }
        int txCount = block.txs().size();
        boolean countExempt = historical && exemptions.allowsMsgCountMismatch(block.height());
        if (block.msgCount() != txCount && !countExempt) {
            throw new InvalidBlockException(BlockRejection.MSG_COUNT_MISMATCH,
                    "msg_count " + block.msgCount() + ", txs " + txCount);
        }
        if (txCount > 0 && !countExempt) {
            if (block.uniquesSources() < REQUIRED_UNIQUE_SOURCES) {
                throw new InvalidBlockException(BlockRejection.TOO_FEW_SOURCES, "claims " + block.uniquesSources());
            }
            if (txCount < REQUIRED_MESSAGES_PER_BLOCK) {
                throw new InvalidBlockException(BlockRejection.TOO_FEW_MESSAGES, txCount + " messages");
            }
        }
        Set<ByteBuffer> txids = new HashSet<>(txCount * 2);
        for (PosMessage tx : block.txs()) {
            if (!txids.add(ByteBuffer.wrap(tx.txid()))) {
                throw new InvalidBlockException(BlockRejection.DUPLICATE_TXID, tx.txidHex());
            }
        }
    }

    private static void checkHash(PosBlock block, byte[] buffer, boolean mismatchAllowed)
            throws InvalidBlockException {
        if (mismatchAllowed) {
            return;
        }
        byte[] computed = Blake2b.hash160(buffer);
        if (!Arrays.equals(computed, block.blockHash())) {
            throw new InvalidBlockException(BlockRejection.BAD_HASH, "claimed " + block.blockHashHex()
                    + ", content hashes to " + HexFormat.of().formatHex(computed));
        }
    }

    private static void checkSlot(PosBlock block) throws InvalidBlockException {
        if (block.sir() < 0 || block.sir() >= FORGING_SLOTS) {
            throw new InvalidBlockException(BlockRejection.SLOT_OUT_OF_RANGE, "sir " + block.sir());
        }
    }

    /** §6.4 step 2: the forger's remembered key, or the recovered key that derives the forger's address. */
    private void checkSignature(PosBlock block, byte[] buffer) throws InvalidBlockException {
        byte[] rs = block.signature();
        if (rs.length != Signature.LENGTH) {
            throw new InvalidBlockException(BlockRejection.BAD_SIGNATURE, rs.length + "-byte signature");
        }
        Signature signature = Signature.fromBytes(rs);
        PublicKey known = forgerKeys.get(block.forger());
        if (known != null) {
            if (known.verify(buffer, signature)) {
                return;
            }
            throw new InvalidBlockException(BlockRejection.BAD_SIGNATURE, "forger " + block.forger());
        }
        for (PublicKey candidate : KeyRecovery.candidates(buffer, signature)) {
            if (Address.fromPublicKey(candidate, networkId).equals(block.forger())) {
                forgerKeys.put(block.forger(), candidate);
                return;
            }
        }
        throw new InvalidBlockException(BlockRejection.BAD_SIGNATURE, "forger " + block.forger());
    }

    /** §6.4 step 6: every tx passes the message check; large blocks are checked on all cores. */
    private void checkTxs(PosBlock block, long nowSeconds) throws InvalidBlockException {
        List<PosMessage> txs = block.txs();
        OptionalInt failed = LowestFailure.find(txs.size(),
                index -> txFailure(txs.get(index), index, nowSeconds) != null);
        if (failed.isPresent()) {
            int index = failed.getAsInt();
            throw new InvalidBlockException(BlockRejection.INVALID_TX, txFailure(txs.get(index), index, nowSeconds));
        }
    }

    private String txFailure(PosMessage tx, int index, long nowSeconds) {
        try {
            txVerifier.verify(tx, nowSeconds);
            return null;
        } catch (InvalidMessageException e) {
            return "tx " + index + " " + tx.txidHex() + ": " + e.rejection() + " (" + e.getMessage() + ")";
        }
    }

    private String txFailure(List<PosBlock> blocks, int[] firstTx, int runIndex, long nowSeconds) {
        int block = blockOf(firstTx, runIndex);
        return txFailure(blocks.get(block).txs().get(runIndex - firstTx[block]), runIndex - firstTx[block],
                nowSeconds);
    }

    /** The block holding the tx at {@code runIndex} of a run, {@code firstTx} being each block's first index. */
    private static int blockOf(int[] firstTx, int runIndex) {
        int found = Arrays.binarySearch(firstTx, runIndex);
        if (found < 0) {
            return -found - 2;
        }
        // Blocks without messages share their first index with the next block: take the last of them.
        while (found + 1 < firstTx.length && firstTx[found + 1] == runIndex) {
            found++;
        }
        return found;
    }

    private static int distinctSenders(List<PosMessage> txs) {
        Set<String> senders = new HashSet<>();
        txs.forEach(tx -> senders.add(tx.sender()));
        return senders.size();
    }
}
