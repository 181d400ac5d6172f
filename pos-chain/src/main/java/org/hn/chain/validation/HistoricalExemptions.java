package org.hn.chain.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The known anomalies of a network's history that old blocks are allowed to carry ({@code spec/chain.md §13}),
 * kept as data ({@code mainnet-exemptions.json}) rather than code.
 */
public final class HistoricalExemptions {

    /** A network without history to excuse: devnet and testnet. */
    public static final HistoricalExemptions NONE =
            new HistoricalExemptions(Set.of(), List.of(), Map.of(), Set.of());

    private final Set<Long> msgCountMismatchHeights;
    private final List<long[]> hashMismatchRanges;
    private final Map<Long, String> badForks;
    private final Set<String> outboundIgnoredHashes;

    private HistoricalExemptions(Set<Long> msgCountMismatchHeights, List<long[]> hashMismatchRanges,
                                 Map<Long, String> badForks, Set<String> outboundIgnoredHashes) {
        this.msgCountMismatchHeights = msgCountMismatchHeights;
        this.hashMismatchRanges = hashMismatchRanges;
        this.badForks = badForks;
        this.outboundIgnoredHashes = outboundIgnoredHashes;
    }

    /** The mainnet list, read from the bundled resource. */
    public static HistoricalExemptions mainnet() {
        try (InputStream in = HistoricalExemptions.class.getResourceAsStream("mainnet-exemptions.json")) {
            if (in == null) {
                throw new IllegalStateException("mainnet-exemptions.json is missing from the jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Set<Long> counts = new HashSet<>();
            root.get("msg_count_mismatch_heights").forEach(height -> counts.add(height.asLong()));
            List<long[]> ranges = new ArrayList<>();
            root.get("hash_mismatch_ranges").forEach(range -> ranges.add(new long[] {range.get(0).asLong(), range.get(1).asLong()}));
            Map<Long, String> forks = new TreeMap<>();
            root.get("bad_forks").forEach(fork -> forks.put(fork.get("height").asLong(), fork.get("hash").asText()));
            Set<String> ignored = new HashSet<>();
            root.get("outbound_ignored_hashes").forEach(hash -> ignored.add(hash.asText()));
            return new HistoricalExemptions(Set.copyOf(counts), List.copyOf(ranges), Map.copyOf(forks), Set.copyOf(ignored));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mainnet-exemptions.json", e);
        }
    }

    /** Whether a historical block at this height may claim a msg_count that differs from its txs. */
    public boolean allowsMsgCountMismatch(long height) {
        return msgCountMismatchHeights.contains(height);
    }

    /** Whether a historical block at this height may carry a hash that differs from its recomputed hash. */
    public boolean allowsHashMismatch(long height) {
        for (long[] range : hashMismatchRanges) {
            if (height >= range[0] && height <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether (height, hash hex) is a known bad fork block that must never be kept. */
    public boolean isBadFork(long height, String hashHex) {
        return hashHex.equals(badForks.get(height));
    }

    /** Whether heights reported by outbound peers with this hash are ignored when grouping chains (§10.1). */
    public boolean ignoresOutboundHash(String hashHex) {
        return outboundIgnoredHashes.contains(hashHex);
    }
}
