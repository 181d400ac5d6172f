/** The PoS chain: addresses, keys, signatures, messages, blocks, chain metrics, mempool, validation, store. */
package org.hn.chain;
