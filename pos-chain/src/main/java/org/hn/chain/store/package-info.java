/**
 * The chain database on SQLite ({@code spec/chain.md §7}, {@code DESIGN.md §6}): {@link org.hn.chain.store.ChainStore}
 * stores blocks and their messages in received order, computes the height status and chain metrics (§9), rolls
 * back (§11), and keeps our per-round stats and signatures.
 */
package org.hn.chain.store;
