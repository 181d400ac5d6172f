/**
 * What a node keeps about each round in its chain database ({@code DESIGN.md §6}): the round's schedule at its
 * start, and at its end this node's stats of the round and, when it forged in it, its round signature.
 */
package org.hn.node.persistence;
