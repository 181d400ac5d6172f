package org.hn.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hn.chain.block.PosBlock;
import org.hn.chain.store.ChainStore;
import org.hn.chain.store.StoreException;
import org.hn.config.Network;
import org.hn.pow.ledger.PowLedgerUnavailableException;
import org.hn.pow.ledger.sqlite.SqlitePowLedger;
import org.hn.registry.Hypernode;
import org.hn.registry.registration.InvalidRegistration;
import org.hn.registry.registration.RegistrationCache;
import org.hn.registry.registration.RegistrationFold;
import org.hn.registry.registration.RuleProfile;
import org.hn.registry.round.ActivityFilter;
import org.hn.registry.round.RoundPlan;
import org.hn.registry.round.RoundPlanner;
import org.hn.registry.schedule.Juror;
import org.hn.registry.schedule.TestAssignment;
import org.hn.registry.schedule.TestSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hn registry}: a round's hypernode list, jurors and test slots computed from a PoW ledger, without a
 * daemon ({@code spec/pow.md §5}, {@code spec/rounds.md §4–§6}).
 */
@Command(
        name = "registry",
        mixinStandardHelpOptions = true,
        header = "Compute a round's registry, jurors and test slots from a PoW ledger.",
        sortOptions = false,
        description = {
            "Compute a round's hypernode registry, forging schedule (jurors) and test slots from a Bismuth",
            "PoW ledger, and list the registration rows that were refused with their reasons.",
            "",
            "The schedule is drawn from a reference hash: the hash of the last PoS block before the round.",
            "Give it with --ref-hash, or point --chain at a node's chain database to take it from there;",
            "with --chain, hypernodes without activity in the previous round also lose their tickets.",
            "",
            "Example:",
            "  hn registry --ledger ~/Bismuth/static/ledger.db --round 64585 \\",
            "      --ref-hash 87d5ad9988b88dda92aa988267e30c89479fc2d2 --json"
        },
        footer = {"", "Exit codes: 0 done, 1 the ledger or chain could not be used, 2 bad usage."})
final class RegistryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--ledger", required = true, paramLabel = "FILE",
            description = "The PoW node's ledger.db, opened read-only.")
    private Path ledger;

    @Option(names = "--round", paramLabel = "R",
            description = "The round to compute (default: the current round by the local clock).")
    private Long round;

    @Option(names = "--ref-hash", paramLabel = "HEX",
            description = "The 20-byte reference hash in hex (default: from --chain).")
    private String referenceHash;

    @Option(names = "--chain", paramLabel = "FILE",
            description = "A node's chain database: reference hash and activity of the previous round.")
    private Path chain;

    @Option(names = "--profile", paramLabel = "compat|strict",
            description = "Registration rules (default: compat on mainnet and testnet, strict on devnet).")
    private RuleProfile profile;

    @Option(names = "--network", paramLabel = "mainnet|testnet|devnet", defaultValue = "mainnet",
            description = "The network (default: ${DEFAULT-VALUE}).")
    private Network network;

    @Option(names = "--json", description = "Print one JSON object (its last line) instead of tables.")
    private boolean json;

    private final Clock clock;

    RegistryCommand() {
        this(Clock.systemUTC());
    }

    RegistryCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(ledger)) {
            err.println("hn registry: no PoW ledger at " + ledger);
            return 1;
        }
        long roundNumber = round != null ? round : network.roundAt(clock.millis() / 1000.0);
        RuleProfile rules = profile != null ? profile : RuleProfile.defaultFor(network);
        RoundPlanner planner = new RoundPlanner(network, new RegistrationCache(
                RegistrationFold.forNetwork(rules, network, new SqlitePowLedger(ledger)), 4));
        try {
            RoundPlan plan = chain == null
                    ? planner.plan(roundNumber, parseReferenceHash(), Set.of())
                    : planWithChain(planner, roundNumber);
            if (json) {
                spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(toJson(plan)));
            } else {
                printTables(plan, rules);
            }
            return 0;
        } catch (UsageError e) {
            err.println("hn registry: " + e.getMessage());
            return 2;
        } catch (PowLedgerUnavailableException e) {
            err.println("hn registry: PoW ledger " + ledger + " unavailable (" + e.reason() + "): " + e.getMessage());
            return 1;
        } catch (StoreException e) {
            err.println("hn registry: chain database " + chain + ": " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            err.println("hn registry: " + e.getMessage());
            return 1;
        }
    }

    private RoundPlan planWithChain(RoundPlanner planner, long roundNumber)
            throws StoreException, PowLedgerUnavailableException, UsageError {
        try (ChainStore store = ChainStore.openExisting(chain)) {
            byte[] hash = referenceHash != null ? parseReferenceHash()
                    : store.lastBlockBefore(roundNumber).map(PosBlock::blockHash)
                            .orElseThrow(() -> new UsageError("the chain has no block before round " + roundNumber));
            Set<String> inactive = ActivityFilter.inactive(planner.registryOfRound(roundNumber - 1),
                    store.activeHypernodes(roundNumber - 1, roundNumber - 1));
            return planner.plan(roundNumber, hash, inactive);
        }
    }

    private byte[] parseReferenceHash() throws UsageError {
        if (referenceHash == null) {
            throw new UsageError("give the reference hash with --ref-hash HEX, or a chain database with --chain FILE");
        }
        try {
            byte[] hash = HexFormat.of().parseHex(referenceHash);
            if (hash.length == 20) {
                return hash;
            }
        } catch (IllegalArgumentException notHex) {
            // reported below
        }
        throw new UsageError("--ref-hash must be 40 hex characters (a 20-byte block hash), got '" + referenceHash + "'");
    }

    /** The JSON form of the issue: round, ref_height, hypernodes, jurors, test_slots (19 lists). */
    private static ObjectNode toJson(RoundPlan plan) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("round", plan.round());
        root.put("ref_height", plan.referenceHeight());
        ArrayNode hypernodes = root.putArray("hypernodes");
        for (Hypernode hypernode : plan.hypernodes()) {
            hypernodes.addObject()
                    .put("pow_address", hypernode.registrar())
                    .put("ip", hypernode.ip())
                    .put("port", hypernode.port())
                    .put("pos_address", hypernode.posAddress())
                    .put("reward_address", hypernode.rewardAddress())
                    .put("weight", hypernode.weight());
        }
        ArrayNode jurors = root.putArray("jurors");
        for (Juror juror : plan.jurors().jurors()) {
            jurors.addObject().put("slot", juror.slot()).put("address", juror.posAddress()).put("ticket", juror.tid());
        }
        ArrayNode testSlots = root.putArray("test_slots");
        for (int slot = 0; slot < Network.FORGING_SLOTS; slot++) {
            ArrayNode tests = testSlots.addArray();
            for (TestAssignment test : plan.tests().testsOfSlot(slot)) {
                tests.addArray().add(test.tester()).add(test.testee()).add(test.type());
            }
        }
        return root;
    }

    private void printTables(RoundPlan plan, RuleProfile rules) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Round %d on %s: PoW reference height %d, reference hash %s, %s rules%n%n",
                plan.round(), network.id(), plan.referenceHeight(), plan.referenceHashHex(), rules.name().toLowerCase());
        out.printf("%d registered hypernodes (registry order):%n", plan.hypernodes().size());
        out.printf("  %3s  %-34s  %-21s  %6s  %-8s  %s%n", "#", "PoS address", "IP:port", "weight", "active", "registrar");
        int index = 1;
        for (Hypernode hypernode : plan.hypernodes()) {
            out.printf("  %3d  %-34s  %-21s  %6d  %-8s  %s%n", index++, hypernode.posAddress(),
                    hypernode.ip() + ":" + hypernode.port(), hypernode.weight(), hypernode.active() ? "yes" : "no",
                    hypernode.registrar());
        }
        out.println();
        if (plan.jurors().hasForgers()) {
            out.println("Jurors (forger of each slot):");
            for (Juror juror : plan.jurors().jurors()) {
                out.printf("  slot %2d  %-34s  ticket %d%n", juror.slot(), juror.posAddress(), juror.tid());
            }
        } else {
            out.println("Jurors: none — " + plan.jurors().noForgerReason().orElse("no forger"));
        }
        out.println();
        TestSchedule tests = plan.tests();
        out.println("Test slots (tester -> testee, type):");
        for (int slot = 0; slot < Network.FORGING_SLOTS; slot++) {
            StringBuilder line = new StringBuilder(String.format("  slot %2d:", slot));
            for (TestAssignment test : tests.testsOfSlot(slot)) {
                line.append(' ').append(shortAddress(test.tester())).append("->").append(shortAddress(test.testee()))
                        .append('(').append(test.type()).append(')');
            }
            out.println(line);
        }
        out.println();
        out.printf("%d refused registration rows:%n", plan.invalid().size());
        for (InvalidRegistration invalid : plan.invalid()) {
            out.printf("  PoW block %d  %s  %s  %s: %s%n", invalid.row().blockHeight(), invalid.row().operation(),
                    invalid.row().sender(), invalid.reason(), invalid.detail());
        }
        out.flush();
    }

    private static String shortAddress(String address) {
        return address.length() > 8 ? address.substring(0, 8) : address;
    }

    /** A combination of options that cannot be used; reported with exit code 2. */
    private static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }
}
