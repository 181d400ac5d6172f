package org.hn.node.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hn.chain.height.HeightStatus;

/** The height dict of the JSON answers ({@code spec/wire.md §9.1 chain, §9.4}). */
final class HeightJson {

    private HeightJson() {
    }

    /** Adds {@code height, round, sir, block_hash, uniques, uniques_round, forgers, forgers_round} to {@code into}. */
    static ObjectNode fill(ObjectNode into, HeightStatus status) {
        into.put("height", status.height());
        into.put("round", status.round());
        into.put("sir", status.sir());
        into.put("block_hash", status.blockHash());
        into.put("uniques", status.uniques());
        into.put("uniques_round", status.uniquesRound());
        into.put("forgers", status.forgers());
        into.put("forgers_round", status.forgersRound());
        return into;
    }
}
