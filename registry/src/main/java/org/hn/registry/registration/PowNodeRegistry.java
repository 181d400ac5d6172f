package org.hn.registry.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hn.config.Network;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.RoundReference;
import org.hn.pow.socket.PowNodeClient;
import org.hn.pow.socket.PowRegistration;
import org.hn.registry.Hypernode;

/**
 * The registry as the PoW node's hypernode plugin computes it ({@code HN_reg_round}, {@code spec/pow.md §6.2}):
 * the reference's own rules, i.e. the COMPAT profile, whatever this node's configuration says.
 */
public final class PowNodeRegistry implements RegistrySource {

    private final PowNodeClient client;

    public PowNodeRegistry(PowNodeClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<Hypernode> hypernodesOfRound(Network network, long round) throws PowLedgerUnavailableException {
        List<Hypernode> hypernodes = new ArrayList<>();
        for (PowRegistration registration : client.registrationsOfRound(round,
                RoundReference.referenceTimestamp(network, round))) {
            hypernodes.add(new Hypernode(registration.registrar(), registration.ip(), registration.port(),
                    registration.pos(), registration.reward(), registration.weight(), registration.timestamp(), true));
        }
        return hypernodes;
    }
}
