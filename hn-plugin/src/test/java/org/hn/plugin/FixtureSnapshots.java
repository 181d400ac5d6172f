package org.hn.plugin;

import static org.hn.pow.fixture.ReferenceLedgerFixture.A1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A10;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A12;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A14;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A15;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A2;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A3;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A4;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A8;
import static org.hn.pow.fixture.ReferenceLedgerFixture.A9;
import static org.hn.pow.fixture.ReferenceLedgerFixture.B1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D2;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D3;
import static org.hn.pow.fixture.ReferenceLedgerFixture.D4;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P1;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P10;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P11;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P2;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P3;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P4;
import static org.hn.pow.fixture.ReferenceLedgerFixture.P8;
import static org.hn.pow.fixture.ReferenceLedgerFixture.RW;

import java.util.List;

/** Expected files for the §13 ledger ({@code spec/pow.md §13.4}), written out by hand from the spec's tables. */
public final class FixtureSnapshots {

    /** The IPs of round 192's registry, in registry order (§13.4 item 2). */
    public static final String ALLOWLIST_192 = "198.51.100.1\n198.51.100.2\n198.51.100.3\n198.51.100.4\n"
            + "198.51.100.8\n198.51.100.11\n198.51.100.13\n198.51.100.22\n198.51.100.23\n198.51.100.21\n"
            + "198.51.100.10\n";

    /** {@code colored.json} of rounds 191–192 (§13.4 item 9), eleven colors. */
    public static final String COLORED = "{\n"
            + "  \"white\": [\n    \"198.51.100.1\",\n    \"198.51.100.2\"\n  ],\n"
            + "  \"cloud\": [\n    \"amazon\",\n    \"choopa\"\n  ],\n"
            + "  \"brown\": [\n    \"203.0.113.50\"\n  ],\n"
            + "  \"bismuth\": [],\n  \"gray\": [],\n  \"blue\": [],\n  \"red\": [],\n  \"orange\": [],\n"
            + "  \"black\": [],\n"
            + "  \"rainbow\": [\n    \"MAX_CONNECT_TO=35\",\n    \"TESTS_PER_SLOT=10\",\n"
            + "    \"POSNET_ALLOW=posnet0002;posnet0003\",\n    \"MIN_FORGE_CONSENSUS=20\"\n  ],\n"
            + "  \"bootstrap\": [\n    \"http://bootstrap.example.invalid/hn_bs.tar.gz\"\n  ]\n"
            + "}";

    private FixtureSnapshots() {
    }

    private static String entry(String registrar, String ip, String port, String pos, String reward, int weight,
                                String timestamp) {
        return "    \"" + registrar + "\": {\n"
                + "      \"ip\": \"" + ip + "\",\n"
                + "      \"port\": \"" + port + "\",\n"
                + "      \"pos\": \"" + pos + "\",\n"
                + "      \"reward\": \"" + reward + "\",\n"
                + "      \"weight\": " + weight + ",\n"
                + "      \"timestamp\": " + timestamp + ",\n"
                + "      \"active\": true\n"
                + "    }";
    }

    /** The §13.4 item 2 table of round 192, as the reference writes {@code hnrounds/192.json}. */
    public static String round192() {
        return "{\n"
                + "  \"params\": {\n"
                + "    \"pos_round\": 192,\n"
                + "    \"ref_timestamp\": 1535403600.0,\n"
                + "    \"pow_height\": 0,\n"
                + "    \"ref_height\": 780100\n"
                + "  },\n"
                + "  \"status\": \"11 PoW Valid HN.\",\n"
                + "  \"regs\": {\n"
                + String.join(",\n", List.of(
                        entry(A1, "198.51.100.1", "6969", P1, A1, 3, "1535097629.63"),
                        entry(A2, "198.51.100.2", "6969", P2, RW, 2, "1535097689.63"),
                        entry(A3, "198.51.100.3", "6969", P3, A3, 1, "1535097749.63"),
                        entry(A4, "198.51.100.4", "6969", P4, A4, 0, "1535097809.63"),
                        entry(A8, "198.51.100.8", "6969", P8, A8, 3, "1535098049.63"),
                        entry(A10, "198.51.100.11", "6969", P11, A10, 3, "1535098229.63"),
                        entry(A12, "198.51.100.13", "6969", D1, A12, 3, "1535098349.63"),
                        entry(A15, "198.51.100.22", "69x9", D3, A15, 3, "1535098409.63"),
                        entry(B1, "198.51.100.23", "6969", D4, B1, 3, "1535098469.63"),
                        entry(A14, "198.51.100.21", "6969", D2, A14, 3, "1535099189.63"),
                        entry(A9, "198.51.100.10", "6969", P10, A9, 3, "1535109569.63")))
                + "\n  }\n"
                + "}";
    }
}
