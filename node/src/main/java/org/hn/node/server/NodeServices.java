package org.hn.node.server;

/**
 * Everything the peer server asks of the rest of the node, grouped by concern. The daemon implements it;
 * the server never touches the chain store, mempool, registry or round state otherwise.
 */
public interface NodeServices {

    /** Chain reads ({@code height}, {@code blockinfo}, {@code blocksync}, {@code roundblocks}, {@code get*}). */
    ChainQueries chain();

    /** Mempool digestion and selection ({@code tx}, {@code mempool}). */
    MempoolService mempool();

    /** Identity, allowed posnets, registered IPs, query allowlist and the {@code NEWROUND} gate. */
    NodeView view();

    /** Forged-block pushes and test requests. */
    PushReceiver pushes();

    /** JSON answers ({@code status}, {@code getround}, {@code gethypernodes}, {@code getheights}). */
    NodeReports reports();
}
