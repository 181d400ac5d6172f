/**
 * The PoS mempool ({@code spec/chain.md §8}): {@link org.hn.chain.mempool.Mempool} digests batches of
 * messages from peers and hands the forger the messages of its next block.
 */
package org.hn.chain.mempool;
