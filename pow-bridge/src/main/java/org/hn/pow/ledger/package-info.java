/**
 * What a hypernode asks the PoW chain ({@code spec/pow.md §3, §5, §8}): the {@link org.hn.pow.ledger.PowLedger}
 * interface, its value types, and the checked {@link org.hn.pow.ledger.PowLedgerUnavailableException}.
 */
package org.hn.pow.ledger;
