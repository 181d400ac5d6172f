/**
 * The read-only TCP service hypernodes query like the reference's PoW node plugin ({@code spec/pow.md §9.1, §9.4}).
 */
package org.hn.plugin.server;
