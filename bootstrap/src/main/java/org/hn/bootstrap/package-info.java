/**
 * Bootstrap snapshots of a node's chain database: create, sign, verify, import ({@code spec/ops.md §8},
 * {@code DESIGN.md §6}). Filled by issue 7.
 */
package org.hn.bootstrap;
