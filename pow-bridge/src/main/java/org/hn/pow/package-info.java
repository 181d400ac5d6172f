/**
 * Reading the Bismuth PoW ledger ({@code spec/pow.md}): the {@code ledger.db} directly, read-only and safe while
 * the PoW node writes, or the PoW node's socket API; and the devnet ledger writer.
 */
package org.hn.pow;
