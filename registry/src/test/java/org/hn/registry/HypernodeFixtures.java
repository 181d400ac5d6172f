package org.hn.registry;

import java.math.BigDecimal;

/** Registry entries for hand-made cases, where only the PoS address, weight and activity matter. */
public final class HypernodeFixtures {

    private HypernodeFixtures() {
    }

    /** An entry whose registrar and reward address are derived from {@code posAddress} so entries stay distinct. */
    public static Hypernode hypernode(String posAddress, int weight, boolean active) {
        return new Hypernode("registrar-" + posAddress, "198.51.100.7", "6969", posAddress, "reward-" + posAddress,
                weight, BigDecimal.ZERO, active);
    }
}
