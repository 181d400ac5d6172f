package org.hn.chain.height;

/** The consensus percentage of {@code spec/chain.md §10.1} step 3. */
public final class Consensus {

    private Consensus() {
    }

    /**
     * {@code round(agreeing × 100 / registered)} with Python's round-half-to-even on the float quotient
     * (1/8 → 12, 3/8 → 38).
     *
     * @param agreeing   peers whose height status is the same as ours (the node itself not counted)
     * @param registered every registered hypernode of the round, connected or not; must be positive
     * @throws IllegalArgumentException when {@code registered} is not positive (the reference exits there)
     */
    public static int percentage(int agreeing, int registered) {
        if (registered <= 0) {
            throw new IllegalArgumentException("no registered hypernode to compute a consensus over");
        }
        return (int) Math.rint(agreeing * 100.0 / registered);
    }
}
