/** PoW (Bismuth) addresses: the syntactic rule of {@code spec/pow.md §2.5} and the well-known addresses. */
package org.hn.pow.address;
