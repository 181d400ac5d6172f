/** The PoW-freshness signal ({@code spec/pow.md §6.4}, {@code DESIGN.md §5}). */
package org.hn.plugin.status;
