/** Atomic replacement of the files the companion publishes, and their layout ({@code DESIGN.md §5}). */
package org.hn.plugin.files;
