package org.hn.registry.colored;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.hn.config.Network;
import org.hn.pow.ledger.ColoredListRow;
import org.hn.pow.ledger.PowLedger;
import org.hn.pow.ledger.PowLedgerUnavailableException;

/**
 * The eleven colored lists in force ({@code spec/pow.md §8}, {@code spec/rounds.md §10}): each the items of the
 * latest {@code color:<name>} transaction sent by the PoW control address, an absent color being an empty list.
 * Immutable.
 *
 * @param lists every {@link Color}, in enum order, with its items
 */
public record ColoredLists(Map<Color, List<String>> lists) {

    public ColoredLists {
        EnumMap<Color, List<String>> complete = new EnumMap<>(Color.class);
        for (Color color : Color.values()) {
            complete.put(color, List.copyOf(lists.getOrDefault(color, List.of())));
        }
        lists = Collections.unmodifiableMap(complete);
    }

    /** Every list empty. */
    public static ColoredLists empty() {
        return new ColoredLists(Map.of());
    }

    /**
     * The lists of the rows in force; rows of colors nobody consumes are dropped.
     *
     * @param rows at most one row per color, as {@link PowLedger#coloredListRows} returns them
     */
    public static ColoredLists fromRows(List<ColoredListRow> rows) {
        Map<Color, List<String>> lists = new EnumMap<>(Color.class);
        for (ColoredListRow row : rows) {
            Color.fromId(row.color()).ifPresent(color -> lists.put(color, splitItems(row.openfield())));
        }
        return new ColoredLists(lists);
    }

    /**
     * The lists in force for a round: as of its reference block ({@code spec/pow.md §5.1}), so only colors with more
     * than 20 confirmations count and every node of the network sees the same lists for the round.
     *
     * @throws PowLedgerUnavailableException NOT_CONFIRMED when the PoW node is late, or when the ledger cannot be
     *                                       read
     */
    public static ColoredLists ofRound(PowLedger ledger, Network network, long round)
            throws PowLedgerUnavailableException {
        return fromRows(ledger.coloredListRows(ledger.referenceBlockOfRound(network, round).height()));
    }

    /**
     * Items of an openfield ({@code §8.1}): stripped of surrounding whitespace, split on commas, items not trimmed
     * and empty items kept. An openfield that is empty after stripping is an empty list (the reference would give
     * one empty item, which stops its hypernodes when it is the rainbow).
     */
    public static List<String> splitItems(String openfield) {
        String stripped = openfield.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split(",", -1));
    }

    /** The items of one color; empty when the color was never published. */
    public List<String> items(Color color) {
        return lists.get(color);
    }

    /** The {@code rainbow} tuneables, see {@link Rainbow#parse}. */
    public Rainbow rainbow(Consumer<IgnoredItem> ignored) {
        return Rainbow.parse(items(Color.RAINBOW), ignored);
    }

    /**
     * The {@code bootstrap} URLs: items that are absolute {@code http} or {@code https} URLs with a host, in order.
     *
     * @param ignored receives every other item with {@link IgnoredItem.Reason#BAD_URL}
     */
    public List<URI> bootstrapUrls(Consumer<IgnoredItem> ignored) {
        List<URI> urls = new ArrayList<>();
        for (String item : items(Color.BOOTSTRAP)) {
            try {
                URI url = new URI(item);
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                    urls.add(url);
                    continue;
                }
                ignored.accept(new IgnoredItem(Color.BOOTSTRAP, IgnoredItem.Reason.BAD_URL, item,
                        "only absolute http and https URLs with a host are used"));
            } catch (URISyntaxException e) {
                ignored.accept(new IgnoredItem(Color.BOOTSTRAP, IgnoredItem.Reason.BAD_URL, item, e.getMessage()));
            }
        }
        return urls;
    }
}
