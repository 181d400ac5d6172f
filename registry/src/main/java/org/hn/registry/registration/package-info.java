/**
 * Registration and unregistration transactions to the ordered hypernode registry of a round
 * ({@code spec/pow.md §4.3, §5}, {@code spec/rounds.md §5}), in the COMPAT and STRICT rule profiles.
 */
package org.hn.registry.registration;
