/**
 * Bootstrap snapshots of a node's chain database: create, sign, verify, import ({@code spec/ops.md §8.1},
 * {@code DESIGN.md §6}). {@code archive}: the tar.gz layout and its guarded reader; {@code manifest}: what an
 * archive claims and its signature; {@code create}: the online copy cut at R − 2 and the shelf of recent
 * archives; {@code verify}: every check before use; {@code install}: the atomic switch and the import flow;
 * {@code download}: resumable HTTP(S) fetch; {@code work}: scratch directories. Failures carry a
 * {@link org.hn.bootstrap.SnapshotFailure}.
 */
package org.hn.bootstrap;
