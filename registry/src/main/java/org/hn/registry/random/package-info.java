/**
 * A bit-exact port of the parts of CPython 3's {@code random} module the reference uses to draw test
 * schedules and peer lists ({@code spec/rounds.md §6.1}).
 */
package org.hn.registry.random;
