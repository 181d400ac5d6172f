/** JSON text byte-compatible with what the reference's Python plugin writes ({@code spec/pow.md §5.6, §9.1}). */
package org.hn.plugin.json;
