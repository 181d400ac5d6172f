/**
 * Per-round registry snapshots in the reference's {@code HN_reg_round} shape and their directory
 * ({@code spec/pow.md §5.6, §7.1}).
 */
package org.hn.plugin.snapshot;
