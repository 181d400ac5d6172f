/**
 * The PoW-side companion that runs beside a PoW node: per-round registry snapshots, the registered-IP
 * allowlist, the colored lists and a PoW-freshness signal ({@code DESIGN.md §5}). Filled by issue 3.
 */
package org.hn.plugin;
