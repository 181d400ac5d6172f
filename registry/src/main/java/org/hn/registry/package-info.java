/**
 * Registrations to ordered hypernode lists per round, tickets to jurors, the CPython-compatible PRNG to test
 * slots and connect_to, and the colored lists ({@code spec/pow.md §5, §8}, {@code spec/rounds.md §4–§6}).
 * Filled by issue 3.
 */
package org.hn.registry;
