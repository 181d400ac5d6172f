package org.hn.node.auth;

import java.util.Optional;

/**
 * What a client token allows ({@code DESIGN.md §4}): {@link #READ} the client-only queries, {@link #ADMIN}
 * those and the commands that change the node's state ({@code tx}). Travels as the {@code scope} claim.
 */
public enum TokenScope {
    /** Queries: {@code status}, {@code get*}, {@code blocksync} and {@code mempool} from a client. */
    READ("read"),
    /** Everything {@link #READ} allows, and {@code tx}. */
    ADMIN("admin");

    private final String claim;

    TokenScope(String claim) {
        this.claim = claim;
    }

    /** The {@code scope} claim's text: {@code read} or {@code admin}. */
    public String claim() {
        return claim;
    }

    /** Whether a token of this scope may use a command that needs {@code needed}. */
    public boolean includes(TokenScope needed) {
        return this == ADMIN || needed == READ;
    }

    /** The scope named by a claim, exactly {@code read} or {@code admin}. */
    public static Optional<TokenScope> fromClaim(String claim) {
        for (TokenScope scope : values()) {
            if (scope.claim.equals(claim)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
