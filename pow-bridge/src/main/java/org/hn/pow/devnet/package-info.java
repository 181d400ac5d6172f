/**
 * Writing PoW ledgers in the exact Bismuth schema: blocks as the PoW node writes them, and the clock-driven devnet
 * ledger ({@code spec/pow.md §2.3, §2.4}, {@code DESIGN.md §5}).
 */
package org.hn.pow.devnet;
