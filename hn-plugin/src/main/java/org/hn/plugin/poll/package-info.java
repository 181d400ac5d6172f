/** The periodic refresh of the companion's files ({@code DESIGN.md §5}). */
package org.hn.plugin.poll;
