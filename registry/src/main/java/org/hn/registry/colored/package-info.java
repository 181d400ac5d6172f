/**
 * The colored lists published on the PoW chain by the control address ({@code spec/pow.md §8},
 * {@code spec/rounds.md §10}): {@link org.hn.registry.colored.ColoredLists} in force for a round, the
 * {@link org.hn.registry.colored.Rainbow} tuneables with sane bounds, and the named
 * {@link org.hn.registry.colored.IgnoredItem} warnings for what is not applied.
 */
package org.hn.registry.colored;
