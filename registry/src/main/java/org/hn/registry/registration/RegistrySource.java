package org.hn.registry.registration;

import java.util.List;
import org.hn.config.Network;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.registry.Hypernode;

/**
 * Where a hypernode gets the registry of a round ({@code spec/rounds.md §3, §5}): folded locally from the ledger
 * ({@link RegistrationCache}) or computed by the PoW node's plugin ({@link PowNodeRegistry}).
 */
public interface RegistrySource {

    /**
     * The hypernodes registered for a round, in registry order, all {@code active} (the activity filter of
     * {@code rounds.md §5.4} is applied by the caller).
     *
     * @throws PowLedgerUnavailableException when the PoW side is unreachable, unreadable or late; the caller keeps
     *                                       its previous list and retries
     */
    List<Hypernode> hypernodesOfRound(Network network, long round) throws PowLedgerUnavailableException;
}
