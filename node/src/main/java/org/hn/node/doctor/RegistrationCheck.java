package org.hn.node.doctor;

import java.time.Clock;
import java.util.Optional;
import org.hn.config.Network;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.registry.Hypernode;
import org.hn.registry.registration.InvalidRegistration;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationState;

/**
 * {@code registration}: whether the node's PoS address is registered in the current round's registry (the fold of
 * the PoW ledger up to the round's reference block, {@code spec/pow.md §5}), with which weight, and with the port
 * the node listens on. A refused registration row naming the address is reported with its reason.
 */
public final class RegistrationCheck implements Check {

    private final String posAddress;
    private final RegistrationCache registry;
    private final Network network;
    private final int port;
    private final Clock clock;

    /**
     * @param posAddress the node's PoS address, or null when it has no readable wallet
     * @param registry   the registry fold over the node's PoW ledger
     * @param network    whose rounds
     * @param port       the node's {@code PORT}, compared with the registered one
     * @param clock      now, for the current round
     */
    public RegistrationCheck(String posAddress, RegistrationCache registry, Network network, int port, Clock clock) {
        this.posAddress = posAddress;
        this.registry = registry;
        this.network = network;
        this.port = port;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "registration";
    }

    @Override
    public Finding run() {
        if (posAddress == null) {
            return Finding.unknown(name(), "no readable poswallet.json, so no address to look up",
                    "start the node once ('hn run --data DIR') to create poswallet.json, then register its address");
        }
        long round = network.roundAt(clock.millis() / 1000.0);
        RegistrationState state;
        try {
            state = registry.registryOfRound(network, round);
        } catch (PowLedgerUnavailableException e) {
            return Finding.unknown(name(), "the registry of round " + round + " cannot be read: " + e.getMessage(),
                    "fix the pow-ledger check first");
        }
        String register = "from the collateral wallet send a transaction to itself, amount 0, operation"
                + " hypernode:register, openfield IP:" + port + ":" + posAddress + ",source=COLLATERAL_ADDRESS"
                + " (10000 BIS per weight, at most 3)";
        Optional<Hypernode> ours = state.hypernodes().stream()
                .filter(hypernode -> hypernode.posAddress().equals(posAddress)).findFirst();
        if (ours.isEmpty()) {
            Optional<InvalidRegistration> refused = state.invalid().stream()
                    .filter(invalid -> invalid.row().openfield().contains(posAddress))
                    .reduce((earlier, later) -> later);
            if (refused.isPresent()) {
                InvalidRegistration last = refused.get();
                return Finding.fail(name(), posAddress + " is not registered in round " + round + "; its row at PoW"
                        + " height " + last.row().blockHeight() + " was refused: " + last.reason() + " ("
                        + last.detail() + ")", register);
            }
            return Finding.fail(name(), posAddress + " is not registered in round " + round, register);
        }
        Hypernode hypernode = ours.get();
        String summary = posAddress + " is registered in round " + round + " as " + hypernode.ip() + ":"
                + hypernode.port() + " by " + hypernode.registrar() + ", weight " + hypernode.weight();
        if (hypernode.weight() < 1) {
            return Finding.fail(name(), summary + ": no forging tickets",
                    "hold at least 10000 BIS on " + hypernode.registrar() + " (weight 1; 20000 weight 2, 30000 weight 3)");
        }
        if (!hypernode.port().equals(Integer.toString(port))) {
            return Finding.warn(name(), summary + ", but the node listens on port " + port,
                    "set PORT=" + hypernode.port() + " in hn.conf, or register again with port " + port);
        }
        return Finding.ok(name(), summary);
    }
}
