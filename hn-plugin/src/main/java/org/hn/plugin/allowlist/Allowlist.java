package org.hn.plugin.allowlist;

import java.util.LinkedHashSet;
import java.util.List;
import org.hn.registry.Hypernode;

/**
 * The IPs of the registered hypernodes, for firewalls and connection filters ({@code DESIGN.md §5}).
 *
 * @param ips distinct dotted quads, in registry order
 */
public record Allowlist(List<String> ips) {

    public Allowlist {
        ips = List.copyOf(new LinkedHashSet<>(ips));
    }

    /** The IPs of a registry. */
    public static Allowlist of(List<Hypernode> hypernodes) {
        return new Allowlist(hypernodes.stream().map(Hypernode::ip).toList());
    }

    /** Plain text: one IP a line, each line ending with a newline; empty for an empty registry. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (String ip : ips) {
            text.append(ip).append('\n');
        }
        return text.toString();
    }
}
