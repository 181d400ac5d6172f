package org.hn.registry.registration;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hn.config.Network;
import org.hn.pow.ledger.PowLedger;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.registry.Hypernode;

/**
 * Incremental registry per reference height ({@code spec/pow.md §5.2}): a request folds only the rows above the
 * highest cached state at or below it, which gives the same state as a full scan because the fold is a pure left
 * fold over ordered rows. States are kept only for reference heights, which are confirmed by more than 20 blocks.
 * Thread-safe.
 */
public final class RegistrationCache implements RegistrySource {

    private final RegistrationFold fold;
    private final int capacity;
    private final TreeMap<Long, RegistrationState> states = new TreeMap<>();

    /**
     * @param fold     the fold (profile, network, ledger)
     * @param capacity number of states kept; the lowest heights are evicted first
     */
    public RegistrationCache(RegistrationFold fold, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.fold = Objects.requireNonNull(fold, "fold");
        this.capacity = capacity;
    }

    /**
     * The registry with every row up to {@code referenceHeight} folded in.
     *
     * @throws PowLedgerUnavailableException when the ledger cannot be read; nothing is cached then
     */
    public synchronized RegistrationState registryAt(long referenceHeight) throws PowLedgerUnavailableException {
        RegistrationState cached = states.get(referenceHeight);
        if (cached != null) {
            return cached;
        }
        Map.Entry<Long, RegistrationState> seed = states.floorEntry(referenceHeight);
        RegistrationState start = seed == null ? RegistrationState.initial() : seed.getValue();
        if (referenceHeight < start.scannedThrough()) {
            throw new IllegalArgumentException("no registration before the checkpoint " + start.scannedThrough()
                    + ": " + referenceHeight);
        }
        RegistrationState state = fold.scan(start, referenceHeight);
        states.put(referenceHeight, state);
        while (states.size() > capacity) {
            states.pollFirstEntry();
        }
        return state;
    }

    /**
     * The registry of a round: {@link #registryAt} its reference block ({@code spec/rounds.md §3}).
     *
     * @throws PowLedgerUnavailableException NOT_CONFIRMED when the PoW node is late, or when the ledger cannot be
     *                                       read
     */
    public RegistrationState registryOfRound(Network network, long round) throws PowLedgerUnavailableException {
        return registryAt(fold.ledger().referenceBlockOfRound(network, round).height());
    }

    /** The ledger the registrations are read from. */
    public PowLedger ledger() {
        return fold.ledger();
    }

    @Override
    public List<Hypernode> hypernodesOfRound(Network network, long round) throws PowLedgerUnavailableException {
        return registryOfRound(network, round).hypernodes();
    }
}
