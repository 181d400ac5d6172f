package org.hn.registry.registration;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.hn.chain.address.Address;
import org.hn.config.Network;
import org.hn.pow.address.PowAddress;
import org.hn.pow.ledger.Balance;
import org.hn.pow.ledger.HeightFilter;
import org.hn.pow.ledger.PowLedger;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.RegistrationRow;
import org.hn.registry.Hypernode;

/**
 * The left fold of registration and unregistration rows into the ordered registry ({@code spec/pow.md §5.4},
 * {@code spec/rounds.md §5.2}), under a {@link RuleProfile}.
 *
 * <p>The registry is an insertion-ordered map keyed by registrar: a registration is appended at the end, an
 * unregistration removes its entry, so re-registering moves a hypernode to the end. Every ignored row is reported
 * with a named {@link InvalidReason}; an unexpected error on a row invalidates that row only. Because the fold
 * is a pure function of the state and the ordered rows, folding rows in two parts gives the same state as folding
 * them at once (which the incremental {@link RegistrationCache} relies on).
 *
 * <p>Balances are exact decimals in both profiles. The reference sums IEEE doubles (§3.3.3), so a collateral of
 * exactly 10000, 20000 or 30000 BIS can weigh one less on a Python node than here; COMPAT reproduces the
 * reference's NULL rule (a side without rows gives weight −1) but not its rounding.
 */
public final class RegistrationFold {

    private final RuleProfile profile;
    private final Predicate<String> posAddressValid;
    private final PowLedger ledger;

    /**
     * @param profile         rule profile of the network
     * @param posAddressValid full PoS address validation of the network ({@code §2.6})
     * @param ledger          where collateral balances are read ({@code §3.4})
     */
    public RegistrationFold(RuleProfile profile, Predicate<String> posAddressValid, PowLedger ledger) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.posAddressValid = Objects.requireNonNull(posAddressValid, "posAddressValid");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** A fold validating PoS addresses with the network's id byte (0x19 on mainnet). */
    public static RegistrationFold forNetwork(RuleProfile profile, Network network, PowLedger ledger) {
        byte networkId = network.networkId();
        return new RegistrationFold(profile, address -> Address.isValid(address, networkId), ledger);
    }

    /** The rule profile this fold applies. */
    public RuleProfile profile() {
        return profile;
    }

    /** The ledger rows and balances are read from. */
    public PowLedger ledger() {
        return ledger;
    }

    /**
     * Reads the rows above {@code start.scannedThrough()} up to {@code toHeight} from the ledger and folds them.
     *
     * @param toHeight inclusive; usually the round's reference height
     * @throws PowLedgerUnavailableException when the ledger cannot be read (the whole result is then unavailable)
     */
    public RegistrationState scan(RegistrationState start, long toHeight) throws PowLedgerUnavailableException {
        if (toHeight < start.scannedThrough()) {
            throw new IllegalArgumentException("cannot scan back from " + start.scannedThrough() + " to " + toHeight);
        }
        return ledger.readTogether(view ->
                fold(start, view.registrationRows(start.scannedThrough() + 1, toHeight), toHeight, view));
    }

    /**
     * Folds rows, already in ledger order (§5.3), into a state.
     *
     * @param scannedThrough height the resulting state covers; not below the last row's height
     * @throws PowLedgerUnavailableException when a collateral balance cannot be read because of the ledger
     */
    public RegistrationState fold(RegistrationState start, List<RegistrationRow> rows, long scannedThrough)
            throws PowLedgerUnavailableException {
        return fold(start, rows, scannedThrough, ledger);
    }

    /** The fold, reading balances from {@code balances} ({@link #ledger} or one open view of it). */
    private RegistrationState fold(RegistrationState start, List<RegistrationRow> rows, long scannedThrough,
                                   PowLedger balances) throws PowLedgerUnavailableException {
        if (scannedThrough < start.scannedThrough()) {
            throw new IllegalArgumentException("cannot fold back from " + start.scannedThrough() + " to "
                    + scannedThrough);
        }
        LinkedHashMap<String, Hypernode> registry = new LinkedHashMap<>();
        for (Hypernode hypernode : start.hypernodes()) {
            registry.put(hypernode.registrar(), hypernode);
        }
        List<InvalidRegistration> invalid = new ArrayList<>(start.invalid());
        for (RegistrationRow row : rows) {
            if (row.blockHeight() > scannedThrough) {
                throw new IllegalArgumentException("row at " + row.blockHeight() + " is above " + scannedThrough);
            }
            try {
                apply(registry, row, balances);
            } catch (InvalidRowException e) {
                invalid.add(new InvalidRegistration(row, e.reason(), e.getMessage()));
            } catch (RuntimeException e) {
                invalid.add(new InvalidRegistration(row, InvalidReason.UNEXPECTED_ERROR, e.toString()));
            }
        }
        return new RegistrationState(scannedThrough, new ArrayList<>(registry.values()), invalid);
    }

    private void apply(Map<String, Hypernode> registry, RegistrationRow row, PowLedger balances)
            throws InvalidRowException, PowLedgerUnavailableException {
        boolean register = row.isRegister();
        if (!register && !RegistrationRow.UNREGISTER.equals(row.operation())) {
            throw new InvalidRowException(InvalidReason.UNKNOWN_OPERATION, "operation " + row.operation());
        }
        RegistrationPayload payload = RegistrationPayload.parse(row.openfield(), row.sender());
        if (register) {
            register(registry, row, payload, balances);
        } else {
            unregister(registry, row, payload);
        }
    }

    private void register(Map<String, Hypernode> registry, RegistrationRow row, RegistrationPayload payload,
                          PowLedger balances) throws InvalidRowException, PowLedgerUnavailableException {
        String sender = row.sender();
        if (!Ipv4Literal.isValid(payload.ip())) {
            throw new InvalidRowException(InvalidReason.BAD_IP, "invalid IP " + quoted(payload.ip()));
        }
        if (profile == RuleProfile.STRICT && !PortNumber.isValid(payload.port())) {
            throw new InvalidRowException(InvalidReason.BAD_PORT, "invalid port " + quoted(payload.port()));
        }
        if (!PowAddress.isValid(sender)) {
            throw new InvalidRowException(InvalidReason.BAD_POW_ADDRESS, "invalid sender " + quoted(sender));
        }
        if (!PowAddress.isValid(payload.reward())) {
            throw new InvalidRowException(InvalidReason.BAD_POW_ADDRESS, "invalid reward address "
                    + quoted(payload.reward()));
        }
        if (!posAddressValid.test(payload.pos())) {
            throw new InvalidRowException(InvalidReason.BAD_POS_ADDRESS, "invalid PoS address "
                    + quoted(payload.pos()));
        }
        for (Hypernode current : registry.values()) {
            if (current.ip().equals(payload.ip())) {
                throw new InvalidRowException(InvalidReason.DUPLICATE_IP, "IP " + payload.ip()
                        + " already registered by " + current.registrar());
            }
        }
        for (Hypernode current : registry.values()) {
            if (current.posAddress().equals(payload.pos())) {
                throw new InvalidRowException(InvalidReason.DUPLICATE_POS, "PoS address " + payload.pos()
                        + " already registered by " + current.registrar());
            }
        }
        if (registry.containsKey(sender)) {
            throw new InvalidRowException(InvalidReason.ALREADY_REGISTERED, "Already an active registration");
        }
        if (row.timestamp() == null) {
            throw new InvalidRowException(InvalidReason.BAD_TIMESTAMP, "timestamp is NULL or not a number");
        }
        int weight = weight(sender, row.blockHeight(), balances);
        registry.put(sender, new Hypernode(sender, payload.ip(), payload.port(), payload.pos(), payload.reward(),
                weight, row.timestamp(), true));
    }

    /** §3.4 at the registration's own height (its fee already deducted). */
    private int weight(String registrar, long height, PowLedger balances)
            throws InvalidRowException, PowLedgerUnavailableException {
        Balance balance;
        try {
            balance = balances.balance(registrar, height, HeightFilter.PLAIN);
        } catch (PowLedgerUnavailableException e) {
            if (e.reason() != PowLedgerUnavailableException.Reason.MALFORMED_VALUE) {
                throw e;
            }
            // The reference turns any error of the balance query into weight −1 (§3.4 step 4).
            if (profile == RuleProfile.COMPAT) {
                return -1;
            }
            throw new InvalidRowException(InvalidReason.LOW_COLLATERAL, "collateral unreadable: " + e.getMessage());
        }
        if (profile == RuleProfile.COMPAT) {
            return balance.referenceIsNull() ? -1 : balance.weight();
        }
        int weight = balance.weight();
        if (weight < 1) {
            throw new InvalidRowException(InvalidReason.LOW_COLLATERAL, "collateral " + balance.exact().toPlainString()
                    + " BIS at height " + height + " is below " + Balance.COLLATERAL_UNIT.toPlainString());
        }
        return weight;
    }

    private static void unregister(Map<String, Hypernode> registry, RegistrationRow row, RegistrationPayload payload)
            throws InvalidRowException {
        Hypernode owned = registry.get(row.sender());
        if (owned != null) {
            if (!payload.sameEndpoint(owned.ip(), owned.port(), owned.posAddress())) {
                throw new InvalidRowException(InvalidReason.BAD_UNREG_PARAMS, "Invalid unregistration params");
            }
            registry.remove(row.sender());
            return;
        }
        if (!PowAddress.CONTROL.equals(row.sender())) {
            throw new InvalidRowException(InvalidReason.BAD_UNREG_SENDER, "Invalid un-registration sender");
        }
        Iterator<Hypernode> entries = registry.values().iterator();
        while (entries.hasNext()) {
            Hypernode entry = entries.next();
            if (payload.sameEndpoint(entry.ip(), entry.port(), entry.posAddress())) {
                entries.remove();
            }
        }
    }

    private static String quoted(String text) {
        return "'" + RegistrationPayload.abbreviate(text) + "'";
    }
}
