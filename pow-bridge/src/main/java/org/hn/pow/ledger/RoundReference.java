package org.hn.pow.ledger;

import org.hn.config.Network;

/**
 * The PoW reference timestamp of a round ({@code spec/rounds.md §3}, {@code spec/pow.md §5.1 steps 1–2}).
 */
public final class RoundReference {

    private RoundReference() {
    }

    /**
     * {@code ref_ts = L·floor((round_start − 2L/3) / L)} with L the round length: on mainnet
     * {@code 3600·floor((round_start − 2400)/3600)}, which is always {@code round_start − 3600} because the
     * origin of time is on an hour. Devnet keeps the same proportions on its shorter rounds.
     *
     * @return unix seconds
     */
    public static long referenceTimestamp(Network network, long round) {
        long roundSeconds = network.roundSeconds();
        long shifted = network.roundStart(round) - 2 * roundSeconds / 3;
        return Math.floorDiv(shifted, roundSeconds) * roundSeconds;
    }
}
