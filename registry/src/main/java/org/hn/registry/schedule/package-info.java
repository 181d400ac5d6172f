/**
 * What a round's registry turns into: tickets and the 19 jurors that forge ({@code spec/rounds.md §4}),
 * the per-slot test schedule ({@code §6.2}) and the peers a node connects to ({@code §6.3}).
 */
package org.hn.registry.schedule;
