/**
 * The PoW-side companion that runs beside a PoW node ({@code DESIGN.md §5}): per-round registry snapshots
 * ({@code spec/pow.md §5.6, §7.1}), the registered-IP allowlist, the colored lists ({@code §8.2}), a PoW-freshness
 * signal ({@code §6.4}), and a read-only service answering hypernodes like the reference's plugin ({@code §9}).
 * {@link org.hn.plugin.Companion} assembles them.
 */
package org.hn.plugin;
