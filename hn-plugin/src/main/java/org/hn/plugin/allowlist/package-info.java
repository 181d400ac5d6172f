/** The registered-hypernode IP allowlist ({@code DESIGN.md §5}). */
package org.hn.plugin.allowlist;
