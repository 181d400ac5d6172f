/**
 * {@link org.hn.pow.ledger.PowLedger} over the Bismuth {@code ledger.db} file itself, read-only and safe while the
 * PoW node writes ({@code spec/pow.md §2, §9.2}); the schema it expects.
 */
package org.hn.pow.ledger.sqlite;
