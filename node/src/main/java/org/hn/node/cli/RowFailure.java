package org.hn.node.cli;

/**
 * One message row that did not verify.
 *
 * @param index      position of the row in the file's array, from 0
 * @param txidPrefix the first hex characters of the row's txid, or {@code "-"} when the row has none
 * @param reason     the failed check in a few words; rows with the same reason are counted together
 * @param detail     the specifics of this row (may repeat {@code reason} when there is nothing to add)
 */
record RowFailure(long index, String txidPrefix, String reason, String detail) {
}
