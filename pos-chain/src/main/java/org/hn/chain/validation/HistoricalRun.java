package org.hn.chain.validation;

import java.util.Optional;

/**
 * The verdict on consecutive historical blocks ({@link BlockValidator#validateHistoricalRun}): how many leading
 * blocks are valid, and why the next one is not.
 *
 * @param validBlocks leading blocks that passed every check
 * @param failure     the first failure, of block {@code validBlocks}; empty when every block is valid
 */
public record HistoricalRun(int validBlocks, Optional<InvalidBlockException> failure) {
}
